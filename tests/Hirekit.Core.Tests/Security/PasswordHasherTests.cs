using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hirekit.Core.Security;

namespace Hirekit.Core.Tests.Security;

public sealed class PasswordHasherTests
{
    [Fact]
    public void Verify_WithTheRightPassword_Succeeds()
    {
        var hash = PasswordHasher.Hash("correct horse battery");

        Assert.Equal(PasswordCheck.Succeeded, PasswordHasher.Verify("correct horse battery", hash));
    }

    [Fact]
    public void Verify_WithAWrongPassword_Fails()
    {
        var hash = PasswordHasher.Hash("correct horse battery");

        Assert.Equal(PasswordCheck.Failed, PasswordHasher.Verify("correct horse batterY", hash));
    }

    [Fact]
    public void Hash_UsesPbkdf2Sha512WithAtLeast210000IterationsAndARandomSalt()
    {
        var first = PasswordHasher.Hash("same password here");
        var second = PasswordHasher.Hash("same password here");

        var parts = first.Split('$');
        Assert.Equal("pbkdf2-sha512", parts[0]);
        Assert.True(int.Parse(parts[1], CultureInfo.InvariantCulture) >= 210_000);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Verify_OfAHashWithFewerIterations_AsksForARehash()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var weak = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("old password 123"), salt, 1_000, HashAlgorithmName.SHA512, 32);
        var stored = $"pbkdf2-sha512$1000${Convert.ToBase64String(salt)}${Convert.ToBase64String(weak)}";

        Assert.Equal(PasswordCheck.SucceededNeedsRehash, PasswordHasher.Verify("old password 123", stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-hash")]
    [InlineData("pbkdf2-sha512$abc$AAAA$AAAA")]
    [InlineData("pbkdf2-sha512$1000$!!notbase64$AAAA")]
    [InlineData("md5$1$AAAA$AAAA")]
    public void Verify_OfAMalformedHash_FailsWithoutThrowing(string stored) =>
        Assert.Equal(PasswordCheck.Failed, PasswordHasher.Verify("anything at all", stored));

    [Theory]
    [InlineData(null, true)]
    [InlineData("short", true)]
    [InlineData("aaaaaaaaaaaaaaaa", true)]
    [InlineData("a long enough pass", false)]
    public void Weakness_RejectsShortAndRepetitivePasswords(string? password, bool weak) =>
        Assert.Equal(weak, PasswordHasher.Weakness(password) is not null);
}
