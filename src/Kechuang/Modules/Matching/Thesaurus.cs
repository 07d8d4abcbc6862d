using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Matching;

public sealed record SynonymGroupDto(Guid Id, IReadOnlyList<string> Words, string? Note, DateTime UpdatedAt);

public sealed record DomainWordDto(Guid Id, string Word, string Industry, DateTime UpdatedAt);

/// <summary>The thesaurus: every synonym group and domain word, for the page and the export.</summary>
public sealed record ThesaurusDto(IReadOnlyList<SynonymGroupDto> Synonyms, IReadOnlyList<DomainWordDto> Words);

/// <summary>The synonym groups and domain words staff keep (the bureau's one list, not per region).</summary>
public sealed class ListThesaurusHandler(KechuangDb db)
{
    public async Task<ThesaurusDto> HandleAsync(string? q, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MatchingPermissions.Query);
        var synonyms = db.Set<SynonymGroup>().AsNoTracking();
        var words = db.Set<DomainWord>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            synonyms = synonyms.Where(g => g.Words.Contains(text) || (g.Note != null && g.Note.Contains(text)));
            words = words.Where(w => w.Word.Contains(text) || w.Industry.Contains(text));
        }
        var groups = await synonyms.OrderBy(g => g.CreatedAt).ThenBy(g => g.Id).ToListAsync(cancellationToken);
        var list = await words.OrderBy(w => w.Industry).ThenBy(w => w.Word).ToListAsync(cancellationToken);
        return new ThesaurusDto(groups.Select(g => new SynonymGroupDto(g.Id, g.WordList, g.Note, g.UpdatedAt)).ToList(),
            list.Select(w => new DomainWordDto(w.Id, w.Word, w.Industry, w.UpdatedAt)).ToList());
    }
}

/// <summary>Adds a synonym group, or changes one (<paramref name="id"/>); every node expands queries with it within seconds.</summary>
public sealed class SaveSynonymGroupHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(Guid? id, SynonymInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MatchingPermissions.Thesaurus);
        var errors = new FieldErrors();
        var words = MatchingRules.ValidateSynonyms(input, errors);
        errors.ThrowIfAny();
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        SynonymGroup group;
        if (id is { } existing)
        {
            group = await db.Set<SynonymGroup>().FirstOrDefaultAsync(g => g.Id == existing, cancellationToken) ?? throw new NotFoundException("同义词组不存在");
            group.Update(words, note, db.UtcNow);
        }
        else
        {
            group = new SynonymGroup(words, note, db.UtcNow);
            db.Add(group);
        }
        await db.SaveChangesAsync(cancellationToken);
        return group.Id;
    }
}

/// <summary>Adds a domain word, or changes one (<paramref name="id"/>); a word already listed is 409.</summary>
public sealed class SaveDomainWordHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(Guid? id, DomainWordInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MatchingPermissions.Thesaurus);
        var errors = new FieldErrors();
        var (word, industry) = MatchingRules.ValidateWord(input, errors);
        errors.ThrowIfAny();
        if (await db.Set<DomainWord>().AnyAsync(w => w.Word == word && w.Id != id, cancellationToken))
        {
            throw new RuleException("matching.duplicate-word", $"领域词“{word}”已在词典中");
        }
        DomainWord entry;
        if (id is { } existing)
        {
            entry = await db.Set<DomainWord>().FirstOrDefaultAsync(w => w.Id == existing, cancellationToken) ?? throw new NotFoundException("领域词不存在");
            entry.Update(word, industry, db.UtcNow);
        }
        else
        {
            entry = new DomainWord(word, industry, db.UtcNow);
            db.Add(entry);
        }
        await db.SaveUniqueAsync(() => new RuleException("matching.duplicate-word", $"领域词“{word}”已在词典中"), cancellationToken);
        return entry.Id;
    }
}

/// <summary>Removes a synonym group or a domain word (the audit log keeps what it was).</summary>
public sealed class RemoveThesaurusEntryHandler(KechuangDb db)
{
    public async Task HandleAsync(string kind, Guid id, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MatchingPermissions.Thesaurus);
        object entry = kind == "word"
            ? await db.Set<DomainWord>().FirstOrDefaultAsync(w => w.Id == id, cancellationToken) ?? throw new NotFoundException("领域词不存在")
            : await db.Set<SynonymGroup>().FirstOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw new NotFoundException("同义词组不存在");
        db.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
    }
}
