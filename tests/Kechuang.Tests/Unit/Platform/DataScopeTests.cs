using Kechuang.Platform.Access;
using Kechuang.Platform.Data;

namespace Kechuang.Tests.Unit.Platform;

public class DataScopeTests
{
    [Theory]
    [InlineData("330700", "3307")]
    [InlineData("330723", "330723")]
    [InlineData("330000", "33")]
    [InlineData("330723101", "330723101")]
    public void Prefix_DropsTrailingZeroPairs(string code, string prefix) => Assert.Equal(prefix, DataScope.Prefix(code));

    [Theory]
    [InlineData("3307", "3308")]
    [InlineData("330723", "330724")]
    [InlineData("330729", "33073")]
    [InlineData("3399", "34")]
    [InlineData("99", "A")]
    [InlineData("", "A")]
    public void PrefixEnd_IsTheLeastStringAboveThePrefix(string prefix, string end) => Assert.Equal(end, ListFilters.PrefixEnd(prefix));

    [Fact]
    public void PrefixRange_SelectsExactlyTheCodesStartingWithThePrefix()
    {
        // The scope filter and the region filters query prefix ≤ code < PrefixEnd(prefix), which an index serves: it must
        // pick the same codes as StartsWith (compared as the C collation and SQLite do, by code point).
        string[] codes = ["33", "3307", "330700", "330723", "330723101", "330729", "330729001", "33073", "330730", "3308", "330800", "339999", "340000", "9", "99"];
        foreach (var prefix in new[] { "", "33", "3307", "330723", "330729", "3399", "99", "~none~" })
        {
            var end = ListFilters.PrefixEnd(prefix);
            foreach (var code in codes)
            {
                var inRange = string.CompareOrdinal(code, prefix) >= 0 && string.CompareOrdinal(code, end) < 0;
                Assert.True(inRange == code.StartsWith(prefix, StringComparison.Ordinal), $"{code} under {prefix}: range says {inRange}");
            }
        }
    }

    [Fact]
    public void County_CoversItsTownsButNotNeighbour()
    {
        var scope = DataScope.ForAccount(Role.CountyStaff, "330723", null);

        Assert.True(scope.Covers("330723101"));
        Assert.True(scope.Covers("330723"));
        Assert.False(scope.Covers("330727"));
        Assert.False(scope.Covers("330702"));
    }

    [Fact]
    public void City_CoversAllCounties()
    {
        var scope = DataScope.ForAccount(Role.CityStaff, "330700", null);

        Assert.True(scope.Covers("330723101"));
        Assert.True(scope.Covers("330727"));
        Assert.False(scope.Covers("330106"));
    }

    [Fact]
    public void Anonymous_CoversNothing() => Assert.False(DataScope.Anonymous.Covers("330723"));

    [Fact]
    public void Enterprise_IsLimitedToItsOrganization()
    {
        var org = Guid.NewGuid();

        Assert.Equal(org, DataScope.ForAccount(Role.Enterprise, "330723", org).OrganizationId);
        Assert.Null(DataScope.ForAccount(Role.CountyStaff, "330723", org).OrganizationId);
    }
}
