using Hirekit.Core.Accounts;

namespace Hirekit.Core.Tests.Accounts;

public sealed class AccountRulesTests
{
    [Theory]
    [InlineData("admin", Role.Admin)]
    [InlineData("Recruiter", Role.Recruiter)]
    [InlineData("hiring_manager", Role.HiringManager)]
    [InlineData("hiring-manager", Role.HiringManager)]
    [InlineData("Hiring Manager", Role.HiringManager)]
    [InlineData(" interviewer ", Role.Interviewer)]
    public void Roles_ParseTheirCodesForgivingly(string code, Role expected)
    {
        Assert.True(Roles.TryParse(code, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("owner")]
    [InlineData("1")]
    public void Roles_RejectUnknownCodes(string? code) => Assert.False(Roles.TryParse(code, out _));

    [Fact]
    public void Roles_RoundTripThroughTheirCodes()
    {
        foreach (var role in Roles.All)
        {
            Assert.Equal(role, Roles.Parse(role.Code()));
        }
    }

    [Theory]
    [InlineData("Acme Labs", "acme-labs")]
    [InlineData("  Ümlaut & Co. GmbH ", "umlaut-co-gmbh")]
    [InlineData("---", "org")]
    [InlineData("R&D / Platform", "r-d-platform")]
    public void Slugs_AreLowerCaseWordsJoinedByHyphens(string name, string slug) => Assert.Equal(slug, Slugs.From(name));

    [Fact]
    public void Slugs_AreCappedAtTheMaximumLength() =>
        Assert.True(Slugs.From(new string('a', 100) + " b").Length <= 60);

    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData("a.b+tag@sub.example.co.uk", true)]
    [InlineData("ada@example", false)]
    [InlineData("ada example.com", false)]
    [InlineData("@example.com", false)]
    [InlineData("ada@@example.com", false)]
    [InlineData("ada@example.com.", false)]
    [InlineData("", false)]
    public void Emails_HaveABasicShapeCheck(string email, bool valid) => Assert.Equal(valid, Emails.LooksValid(email));

    [Fact]
    public void Emails_AreStoredTrimmedAndLowerCased() => Assert.Equal("ada@example.com", Emails.Normalize("  Ada@Example.COM "));
}
