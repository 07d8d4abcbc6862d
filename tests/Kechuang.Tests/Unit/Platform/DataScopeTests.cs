using Kechuang.Platform.Access;

namespace Kechuang.Tests.Unit.Platform;

public class DataScopeTests
{
    [Theory]
    [InlineData("330700", "3307")]
    [InlineData("330723", "330723")]
    [InlineData("330000", "33")]
    [InlineData("330723101", "330723101")]
    public void Prefix_DropsTrailingZeroPairs(string code, string prefix) => Assert.Equal(prefix, DataScope.Prefix(code));

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
