namespace Kechuang.Platform.Validation;

/// <summary>
/// The years a record's date can mean. "0001-01-01" parses, but an auction or a park opened in year 1 is a slip of
/// the keyboard or a client's empty value, and it would sort before everything and fall into no period's figures.
/// Every way a date comes in holds to it: the API's JSON (<c>InputJson</c>), import cells (<c>SheetRow.Date</c>)
/// and the date pickers of the pages.
/// </summary>
public static class PlausibleDates
{
    public const int FirstYear = 1900;
    public const int LastYear = 2199;

    public const string Message = "日期应在 1900 年至 2199 年之间";

    public static bool Contains(int year) => year is >= FirstYear and <= LastYear;
}
