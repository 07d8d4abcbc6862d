namespace Kechuang.Platform.Excel;

/// <summary>
/// One column of an import sheet: its Chinese header, and the fields of the module's validation whose problems
/// are reported in this column (the names an API form uses, so a sheet row and a form share one validation).
/// A column belongs to one <see cref="ImportSheet"/>, which gives it its position.
/// </summary>
public sealed class SheetColumn(string header, params string[] fields)
{
    public string Header { get; } = header;

    public IReadOnlyList<string> Fields { get; } = fields;

    /// <summary>Position in the sheet's declared columns (not in the uploaded file, whose columns may come in any order).</summary>
    internal int Index { get; set; } = -1;

    public override string ToString() => Header;
}
