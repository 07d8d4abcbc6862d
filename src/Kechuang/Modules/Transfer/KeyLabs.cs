using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Transfer;

public sealed record RecognitionDto(Guid Id, string Step, string StepName, string Level, string LevelName, DateOnly On, string? Document);

public sealed record KeyLabDto(Guid Id, string Name, string Kind, string KindName, string RegionCode, string RegionName, Guid? HostId, string? HostName,
    Guid? InstitutionId, string? InstitutionName, string? Fields, DateOnly? FoundedOn, IReadOnlyList<RecognitionDto> Recognitions)
{
    /// <summary>The latest step reached, as a list shows it (市级 列入建设名单).</summary>
    public string? StateText => Recognitions.OrderByDescending(r => r.On).FirstOrDefault() is { } last ? $"{last.LevelName}{last.StepName}" : null;
}

public sealed class CreateKeyLabHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(KeyLabInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.ChangeKeyLabs);
        var lab = new KeyLab(await KeyLabChecks.ValidateAsync(db, directory, input, cancellationToken), db.UtcNow);
        db.Add(lab);
        await db.SaveChangesAsync(cancellationToken);
        return lab.Id;
    }
}

public sealed class UpdateKeyLabHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, KeyLabInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.ChangeKeyLabs);
        var lab = await db.Set<KeyLab>().FirstOrDefaultAsync(l => l.Id == id, cancellationToken)
            ?? throw new NotFoundException("实验室（研究院）不存在或不在您的数据范围内");
        lab.Update(await KeyLabChecks.ValidateAsync(db, directory, input, cancellationToken), db.UtcNow);
        var steps = await db.Set<KeyLabRecognition>().Where(r => r.KeyLabId == id).ToListAsync(cancellationToken);
        steps.ForEach(r => r.MoveTo(lab.RegionCode));
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Records a recognition step (列入建设名单, 验收通过, 正式认定, 撤销) at a level.</summary>
public sealed class AddRecognitionHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(Guid labId, RecognitionInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.ChangeKeyLabs);
        var lab = await db.Set<KeyLab>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == labId, cancellationToken)
            ?? throw new NotFoundException("实验室（研究院）不存在或不在您的数据范围内");
        var errors = new FieldErrors();
        var facts = KeyLabRules.ValidateRecognition(input, db.Today(), errors);
        errors.ThrowIfAny();
        var (step, level, on, document) = facts!.Value;
        var reached = (await db.Set<KeyLabRecognition>().AsNoTracking().Where(r => r.KeyLabId == labId).Select(r => new { r.Step, r.Level }).ToListAsync(cancellationToken))
            .Select(r => (r.Step, r.Level)).ToList();
        if (KeyLabRules.CheckStep(reached, step, level) is { } broken)
        {
            throw broken;
        }
        var recognition = new KeyLabRecognition(lab, step, level, on, document, db.UtcNow);
        db.Add(recognition);
        await db.SaveUniqueAsync(() => KeyLabRules.CheckStep([(step, level)], step, level)!, cancellationToken);
        return recognition.Id;
    }
}

internal static class KeyLabChecks
{
    public static async Task<KeyLabFacts> ValidateAsync(KechuangDb db, IOrganizationDirectory directory, KeyLabInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var facts = KeyLabRules.Validate(input, await TransferQueries.RegionExistsAsync(directory, cancellationToken), db.Today(), errors);
        TransferQueries.CheckScope(db, facts?.RegionCode, "regionCode", errors);
        if (input.HostId is { } host && await directory.FindAnywhereAsync(host, cancellationToken) is null)
        {
            errors.Add("hostId", "依托单位不存在，请先在组织名录中登记");
        }
        await TransferQueries.InstitutionAsync(directory, input.InstitutionId, "institutionId", errors, cancellationToken);
        errors.ThrowIfAny();
        return facts!;
    }
}

public sealed class ListKeyLabsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Paged<KeyLabDto>> HandleAsync(string? regionCode, string? kind, ListQuery list, CancellationToken cancellationToken = default)
    {
        var rows = Filter(regionCode, kind, list);
        var total = await rows.CountAsync(cancellationToken);
        return new Paged<KeyLabDto>(await DtosAsync(await rows.OrderBy(l => l.Name).ThenBy(l => l.Id).ApplyPaging(list).ToListAsync(cancellationToken), cancellationToken), total);
    }

    public async Task<List<KeyLabDto>> AllAsync(string? regionCode, string? kind, ListQuery list, CancellationToken cancellationToken = default) =>
        await DtosAsync(await Filter(regionCode, kind, list).OrderBy(l => l.Name).ThenBy(l => l.Id).ToListAsync(cancellationToken), cancellationToken);

    private IQueryable<KeyLab> Filter(string? regionCode, string? kind, ListQuery list)
    {
        var rows = db.Set<KeyLab>().AsNoTracking().UnderRegion(regionCode);
        var errors = new FieldErrors();
        var k = string.IsNullOrWhiteSpace(kind) ? null : errors.Enum("kind", "类型", kind, KeyLabRules.KindNames);
        errors.ThrowIfAny();
        if (k is { } only)
        {
            rows = rows.Where(l => l.Kind == only);
        }
        if (list.Text is { } q)
        {
            rows = rows.Where(l => l.Name.Contains(q) || (l.Fields != null && l.Fields.Contains(q)));
        }
        return rows;
    }

    private Task<List<KeyLabDto>> DtosAsync(IReadOnlyList<KeyLab> page, CancellationToken cancellationToken) =>
        KeyLabDtos.ManyAsync(db, directory, page, cancellationToken);
}

/// <summary>One key lab or institute with its recognition steps, oldest first: its page and edit form.</summary>
public sealed class GetKeyLabHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<KeyLabDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var lab = await db.Set<KeyLab>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken)
            ?? throw new NotFoundException("实验室（研究院）不存在或不在您的数据范围内");
        return (await KeyLabDtos.ManyAsync(db, directory, [lab], cancellationToken))[0];
    }
}

internal static class KeyLabDtos
{
    public static async Task<List<KeyLabDto>> ManyAsync(KechuangDb db, IOrganizationDirectory directory, IReadOnlyList<KeyLab> page, CancellationToken cancellationToken)
    {
        var ids = page.Select(p => p.Id).ToList();
        var steps = (await db.Set<KeyLabRecognition>().AsNoTracking().Where(r => ids.Contains(r.KeyLabId)).OrderBy(r => r.On).ToListAsync(cancellationToken)).ToLookup(r => r.KeyLabId);
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var names = await directory.NamesAnywhereAsync(page.SelectMany(p => new[] { p.HostId, p.InstitutionId }).Where(i => i != null).Select(i => i!.Value).Distinct(), cancellationToken);
        return page.Select(l => new KeyLabDto(l.Id, l.Name, Kebab.From(l.Kind), KeyLabRules.KindNames[l.Kind], l.RegionCode,
            regions.GetValueOrDefault(l.RegionCode, l.RegionCode), l.HostId, l.HostId is { } h ? names.GetValueOrDefault(h) : null, l.InstitutionId,
            l.InstitutionId is { } i ? names.GetValueOrDefault(i) : null, l.Fields, l.FoundedOn,
            steps[l.Id].Select(r => new RecognitionDto(r.Id, Kebab.From(r.Step), KeyLabRules.StepNames[r.Step], Kebab.From(r.Level), KeyLabRules.LevelNames[r.Level], r.On, r.Document)).ToList()))
            .ToList();
    }
}
