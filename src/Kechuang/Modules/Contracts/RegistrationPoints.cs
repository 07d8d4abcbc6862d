using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Contracts;

/// <summary>A registration point with its county's name and the first eight digits of this year's numbers.</summary>
public sealed record RegistrationPointDto(Guid Id, string RegionCode, string RegionName, string CityCode, string Code, string Name, bool Active, string NumberPrefix);

/// <summary>The registration points in the caller's data scope, by city and code.</summary>
public sealed class ListRegistrationPointsHandler(KechuangDb db, IOrganizationDirectory directory, TimeProvider clock)
{
    public async Task<Paged<RegistrationPointDto>> HandleAsync(CancellationToken cancellationToken = default)
    {
        db.User.Demand(ContractsPermissions.Read);
        var names = await directory.RegionNamesAsync(cancellationToken);
        var year = ContractsRules.LocalDate(clock.GetUtcNow().UtcDateTime).Year;
        var points = await db.Set<RegistrationPoint>().AsNoTracking().OrderBy(p => p.CityCode).ThenBy(p => p.Code).ToListAsync(cancellationToken);
        var items = points.Select(p => new RegistrationPointDto(p.Id, p.RegionCode, names.GetValueOrDefault(p.RegionCode, p.RegionCode), p.CityCode, p.Code,
            p.Name, p.Active, ContractsRules.RegistrationPrefix(p.CityCode, p.Code, year))).ToList();
        return new Paged<RegistrationPointDto>(items, items.Count);
    }
}

/// <summary>The registration points as the list shows them; points have no import.</summary>
public static class RegistrationPointSheet
{
    public static readonly ExportSheet<RegistrationPointDto> Export = new ExportSheet<RegistrationPointDto>("合同登记点.xlsx", "contracts_registration_point")
        .Column("登记点编号", p => p.Code)
        .Column("所在县（市、区）", p => p.RegionName)
        .Column("行政区划代码", p => p.RegionCode)
        .Column("名称", p => p.Name)
        .Column("本年登记号前八位", p => p.NumberPrefix)
        .Column("状态", p => p.Active ? "登记中" : "已停止");
}

/// <summary>设立登记点: a county-level region's point with its code within the city.</summary>
public sealed class CreateRegistrationPointHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(RegistrationPointInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ContractsPermissions.ChangePoints);
        var facts = await RegistrationPointChecks.ValidateAsync(db, directory, input, null, cancellationToken);
        var point = new RegistrationPoint(facts, db.UtcNow);
        db.Add(point);
        await db.SaveUniqueAsync(() => RegistrationPointRules.DuplicateCode(point.CityCode, point.Code), cancellationToken);
        return point.Id;
    }
}

/// <summary>修改登记点: its code, name, or whether it still registers. Its county stays.</summary>
public sealed class UpdateRegistrationPointHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, RegistrationPointInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ContractsPermissions.ChangePoints);
        var point = await db.Set<RegistrationPoint>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("登记点不存在或不在您的数据范围内");
        if (input.RegionCode is { } region && region.Trim() != point.RegionCode)
        {
            throw InputException.For("regionCode", "登记点所在县（市、区）设立后不能更改，请另设登记点");
        }
        var facts = await RegistrationPointChecks.ValidateAsync(db, directory, input with { RegionCode = point.RegionCode }, id, cancellationToken);
        point.Update(facts, db.UtcNow);
        await db.SaveUniqueAsync(() => RegistrationPointRules.DuplicateCode(point.CityCode, point.Code), cancellationToken);
    }
}

internal static class RegistrationPointChecks
{
    public static async Task<RegistrationPointFacts> ValidateAsync(KechuangDb db, IOrganizationDirectory directory, RegistrationPointInput input, Guid? self,
        CancellationToken cancellationToken)
    {
        var names = await directory.RegionNamesAsync(cancellationToken);
        var errors = new FieldErrors();
        var facts = RegistrationPointRules.Validate(input, code => names.GetValueOrDefault(code), errors);
        if (facts is not null && !db.User.Scope.Covers(facts.RegionCode))
        {
            errors.Add("regionCode", "该行政区划不在您的数据范围内");
        }
        errors.ThrowIfAny();
        var city = RegistrationPointRules.CityOf(facts!.RegionCode);
        var others = db.Set<RegistrationPoint>().IgnoreQueryFilters().Where(p => p.Id != self);
        if (await others.AnyAsync(p => p.RegionCode == facts.RegionCode, cancellationToken))
        {
            throw RegistrationPointRules.DuplicateRegion(names[facts.RegionCode]);
        }
        if (await others.AnyAsync(p => p.CityCode == city && p.Code == facts.Code, cancellationToken))
        {
            throw RegistrationPointRules.DuplicateCode(city, facts.Code);
        }
        return facts;
    }
}
