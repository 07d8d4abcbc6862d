using Kechuang.Platform.Ui;

namespace Kechuang.Tests.Unit.Ui;

public class NavCatalogTests
{
    [Fact]
    public void Existing_ListsOnlyLinksThatHavePages()
    {
        var links = NavCatalog.Existing().SelectMany(s => s.Items).Select(i => i.Link).ToList();

        Assert.Contains("/directory/organizations", links);
        Assert.Contains("/admin/audit", links);
        Assert.Contains("/contracts", links);
        Assert.Contains("/market/auctions", links);
        Assert.Contains("/enterprises", links);
        Assert.Contains("/indicators/targets", links);
        Assert.All(links, link => Assert.True(NavCatalog.Exists(link), link));
    }

    [Theory]
    [InlineData("/directory/people", true)]
    [InlineData("/directory/people?kind=expert", true)]
    [InlineData("/contracts", true)]
    [InlineData("/suggestions", false)]
    [InlineData("/no-such-page", false)]
    public void Exists_TellsWhetherAPageAnswers(string link, bool expected)
    {
        Assert.Equal(expected, NavCatalog.Exists(link));
    }
}
