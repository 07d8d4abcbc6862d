using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Directory.Pages;

/// <summary>Pick lists of the directory pages, in Chinese, limited to what the viewer's scope covers.</summary>
internal static class DirectoryChoices
{
    public static readonly IReadOnlyList<SelectOption> OrganizationKindOptions =
        OrganizationKinds.Names.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> PersonKindOptions =
        PersonKinds.Names.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();
}
