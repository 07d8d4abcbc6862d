using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Programs;

/// <summary>The plan-project menu group; titles in ProgramsNav.resx.</summary>
internal sealed class ProgramsNav : INavContribution
{
    public IEnumerable<NavSection> Sections =>
    [
        new("programs", 475, "file-text", "Menu_Programs", null, typeof(ProgramsNav),
        [
            new("program-calls", "/programs/calls", "Menu_Calls"),
            new("program-applications", "/programs/applications", "Menu_Applications"),
            new("program-reviews", "/programs/reviews", "Menu_Reviews"),
        ]),
    ];
}
