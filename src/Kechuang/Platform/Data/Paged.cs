namespace Kechuang.Platform.Data;

/// <summary>Every list endpoint answers <c>{ "items", "total" }</c>.</summary>
public record Paged<T>(IReadOnlyList<T> Items, int Total);

public static class Paging
{
    public const int MaxPageSize = 200;

    public static (int Skip, int Take) Normalize(int? page, int? pageSize)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        return ((number - 1) * size, size);
    }
}
