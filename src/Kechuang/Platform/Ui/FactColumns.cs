namespace Kechuang.Platform.Ui;

/// <summary>
/// Column counts for a record's facts (AntDesign <c>Descriptions</c>), by the width of the facts' own box.
/// </summary>
/// <remarks>
/// AntDesign looks the breakpoint up by its enum name (<c>Xl</c>, not <c>xl</c>) and falls back to three columns
/// for a key it does not find, so a lower-case map was silently ignored and every detail page showed three
/// narrow columns whose labels wrapped. The map is measured against the box, not the window.
/// </remarks>
public static class FactColumns
{
    /// <summary>Two label–value pairs a row from a box of 768 px up, one below (phones, narrow windows).</summary>
    public static Dictionary<string, int> Two { get; } = new()
    {
        ["Xxl"] = 2,
        ["Xl"] = 2,
        ["Lg"] = 2,
        ["Md"] = 1,
        ["Sm"] = 1,
        ["Xs"] = 1,
    };

    /// <summary>Three pairs a row on a wide box, two on a middle one, one on a phone: for short facts.</summary>
    public static Dictionary<string, int> Three { get; } = new()
    {
        ["Xxl"] = 3,
        ["Xl"] = 3,
        ["Lg"] = 3,
        ["Md"] = 2,
        ["Sm"] = 1,
        ["Xs"] = 1,
    };
}
