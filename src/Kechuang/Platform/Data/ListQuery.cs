using System.Linq.Expressions;
using Kechuang.Platform.Problems;

namespace Kechuang.Platform.Data;

/// <summary>
/// What every list asks besides its own filters: the search text, the page, and one sort column.
/// Pages, list endpoints and exports take the same shape, so an export carries exactly the list on screen.
/// </summary>
/// <param name="Q">Search text: a name, a credit code or the pinyin initials of a name.</param>
/// <param name="Sort">A column name the list declares in its <see cref="SortMap{T}"/>; null for the list's default order.</param>
/// <param name="Desc">Descending when true.</param>
public sealed record ListQuery(string? Q = null, int? Page = null, int? PageSize = null, string? Sort = null, bool Desc = false)
{
    /// <summary>The search text trimmed, or null when there is nothing to search for.</summary>
    public string? Text => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();

    /// <summary>The search text as pinyin initials would be stored ("ZJSXG" → "zjsxg"), or null when it cannot be initials.</summary>
    public string? Initials => Text is { } text && text.All(char.IsAsciiLetter) ? text.ToLowerInvariant() : null;

    /// <summary>Query-string parameters of this query without the page (for an export link).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Parameters()
    {
        yield return new("q", Text);
        yield return new("sort", Sort);
        yield return new("desc", Desc ? "true" : null);
    }
}

/// <summary>
/// The columns a list may be sorted by, by name, and its default order. Every order ends with the id so that
/// equal keys page the same way on every request and on both providers.
/// </summary>
public sealed class SortMap<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<IQueryable<T>, IOrderedQueryable<T>> _default;
    private readonly Expression<Func<T, Guid>> _id;

    public SortMap(Expression<Func<T, Guid>> id, Func<IQueryable<T>, IOrderedQueryable<T>> defaultOrder)
    {
        _id = id;
        _default = defaultOrder;
    }

    /// <summary>Declares a sortable column. Keys must be orderable on SQLite too: no decimal or DateTimeOffset.</summary>
    public SortMap<T> Add<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        _keys[name] = (source, desc) => desc ? source.OrderByDescending(key) : source.OrderBy(key);
        return this;
    }

    public IReadOnlyCollection<string> Names => _keys.Keys;

    /// <summary>Orders by the requested column (400 for one the list does not offer), then by id.</summary>
    public IOrderedQueryable<T> Apply(IQueryable<T> source, ListQuery query)
    {
        if (string.IsNullOrWhiteSpace(query.Sort))
        {
            return _default(source).ThenBy(_id);
        }
        if (!_keys.TryGetValue(query.Sort, out var order))
        {
            throw InputException.For("sort", $"不能按“{query.Sort}”排序，可选：{string.Join("、", _keys.Keys)}");
        }
        return query.Desc ? order(source, true).ThenByDescending(_id) : order(source, false).ThenBy(_id);
    }
}

public static class ListQueries
{
    /// <summary>Takes the requested page of an ordered query (page size 1–200, default 20).</summary>
    public static IQueryable<T> ApplyPaging<T>(this IOrderedQueryable<T> ordered, ListQuery query)
    {
        var (skip, take) = Paging.Normalize(query.Page, query.PageSize);
        return ordered.Skip(skip).Take(take);
    }

    public static IOrderedQueryable<T> ApplySort<T>(this IQueryable<T> source, SortMap<T> sort, ListQuery query) => sort.Apply(source, query);
}
