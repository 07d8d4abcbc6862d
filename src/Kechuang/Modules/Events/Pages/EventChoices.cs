using System.Globalization;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Events.Pages;

/// <summary>Pick lists of the events pages, in Chinese.</summary>
internal static class EventChoices
{
    public static readonly IReadOnlyList<SelectOption> Media =
        EventsRules.MediumNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    /// <summary>From 2015 to next year, newest first: an event may be recorded before it is held.</summary>
    public static IReadOnlyList<SelectOption> Years =>
        Enumerable.Range(2015, DateTime.Today.Year - 2015 + 2).Reverse()
            .Select(y => new SelectOption(y.ToString(CultureInfo.InvariantCulture), $"{y} 年")).ToList();

    public static IReadOnlyList<SelectOption> Of(IEnumerable<EventChoice> events) =>
        events.Select(e => new SelectOption(e.Id.ToString(), $"{e.Title}（{UiFormat.Day(e.HeldOn)}）")).ToList();

    public static int? Year(string? year) => int.TryParse(year, CultureInfo.InvariantCulture, out var y) ? y : null;

    public static string MediumColor(string medium) => medium switch
    {
        "newspaper" => "orange",
        "television" => "purple",
        "new-media" => "cyan",
        _ => "blue",
    };
}
