using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Matching;

/// <summary>The synonym-group sheet's columns, shared by import, export and template: an export imports again.</summary>
public static class SynonymSheet
{
    public static readonly SheetColumn Words = new("同义词（用“；”分隔）", "words");
    public static readonly SheetColumn Note = new("说明", "note");

    public static readonly ImportSheet Sheet = new("同义词组导入模板.xlsx", MatchingEntities.Synonym, Words, Note);

    public static readonly ExportSheet<SynonymGroupDto> Export = Sheet.Export<SynonymGroupDto>("同义词组.xlsx", new()
    {
        [Words] = g => string.Join(SynonymGroup.Separator, g.Words),
        [Note] = g => g.Note,
    });
}

/// <summary>The domain-word sheet's columns, shared by import, export and template.</summary>
public static class DomainWordSheet
{
    public static readonly SheetColumn Word = new("领域词", "word");
    public static readonly SheetColumn Industry = new("所属产业", "industry");

    public static readonly ImportSheet Sheet = new("领域词导入模板.xlsx", MatchingEntities.Word, Word, Industry);

    public static readonly ExportSheet<DomainWordDto> Export = Sheet.Export<DomainWordDto>("领域词.xlsx", new()
    {
        [Word] = w => w.Word,
        [Industry] = w => w.Industry,
    });
}

/// <summary>
/// Imports synonym groups, all or nothing: a group with the same words as one already kept (in any order) or as an
/// earlier row of the file is refused, so an export imported twice adds nothing.
/// </summary>
public sealed class ImportSynonymGroupsHandler(KechuangDb db) : SheetImport<SynonymGroup>(db)
{
    private HashSet<string> _taken = [];
    private readonly Dictionary<string, int> _inFile = new(StringComparer.Ordinal);

    protected override ImportSheet Sheet => SynonymSheet.Sheet;

    protected override Platform.Access.Permission Permission => MatchingPermissions.Thesaurus;

    /// <summary>The words of a group in one order, so that the same group written differently is found.</summary>
    internal static string Key(IEnumerable<string> words) => string.Join(SynonymGroup.Separator, words.Order(StringComparer.Ordinal));

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var groups = await Db.Set<SynonymGroup>().AsNoTracking().Select(g => g.Words).ToListAsync(cancellationToken);
        _taken = groups.Select(g => Key(MatchingRules.SplitWords(g))).ToHashSet(StringComparer.Ordinal);
        _inFile.Clear();
    }

    protected override SynonymGroup? Read(SheetRow row, FieldErrors errors)
    {
        var note = row.Text(SynonymSheet.Note);
        var words = MatchingRules.ValidateSynonyms(new SynonymInput(row.Text(SynonymSheet.Words), note), errors);
        if (errors.Any)
        {
            return null;
        }
        var key = Key(words);
        if (_taken.Contains(key))
        {
            errors.Add("words", "词库中已有相同的同义词组");
            return null;
        }
        if (_inFile.TryGetValue(key, out var earlier))
        {
            errors.Add("words", $"与第{earlier}行重复");
            return null;
        }
        _inFile[key] = row.Number;
        return new SynonymGroup(words, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), Db.UtcNow);
    }
}

/// <summary>Imports domain words, all or nothing: a word already in the dictionary or repeated in the file is refused.</summary>
public sealed class ImportDomainWordsHandler(KechuangDb db) : SheetImport<DomainWord>(db)
{
    private HashSet<string> _taken = [];
    private readonly Dictionary<string, int> _inFile = new(StringComparer.Ordinal);

    protected override ImportSheet Sheet => DomainWordSheet.Sheet;

    protected override Platform.Access.Permission Permission => MatchingPermissions.Thesaurus;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _taken = (await Db.Set<DomainWord>().AsNoTracking().Select(w => w.Word).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        _inFile.Clear();
    }

    protected override DomainWord? Read(SheetRow row, FieldErrors errors)
    {
        var (word, industry) = MatchingRules.ValidateWord(new DomainWordInput(row.Text(DomainWordSheet.Word), row.Text(DomainWordSheet.Industry)), errors);
        if (errors.Any)
        {
            return null;
        }
        if (_taken.Contains(word))
        {
            errors.Add("word", $"领域词“{word}”已在词典中");
            return null;
        }
        if (_inFile.TryGetValue(word, out var earlier))
        {
            errors.Add("word", $"与第{earlier}行重复");
            return null;
        }
        _inFile[word] = row.Number;
        return new DomainWord(word, industry, Db.UtcNow);
    }
}
