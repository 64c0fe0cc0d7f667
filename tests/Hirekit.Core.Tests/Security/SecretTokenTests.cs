using Hirekit.Core.Security;

namespace Hirekit.Core.Tests.Security;

public sealed class SecretTokenTests
{
    [Fact]
    public void Create_Gives256RandomBitsInUrlSafeText()
    {
        var token = SecretToken.Create();

        Assert.Equal(43, token.Length); // 32 bytes in unpadded base64url
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public void Create_NeverRepeatsItself()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => SecretToken.Create()).ToHashSet();

        Assert.Equal(1000, tokens.Count);
    }

    [Fact]
    public void Create_KeepsTheRecognisablePrefix()
    {
        var token = SecretToken.Create(SecurityPolicy.ApiTokenPrefix);

        Assert.StartsWith("hk_", token, StringComparison.Ordinal);
        Assert.Equal(46, token.Length);
    }

    [Fact]
    public void Hash_IsStableHexSha256AndDiffersFromTheToken()
    {
        var token = SecretToken.Create();

        Assert.Equal(SecretToken.Hash(token), SecretToken.Hash(token));
        Assert.Matches("^[0-9a-f]{64}$", SecretToken.Hash(token));
        Assert.NotEqual(SecretToken.Hash(token), SecretToken.Hash(token + "x"));
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", SecretToken.Hash("hello"));
    }

    [Fact]
    public void HashPresented_HashesARealToken_AndRefusesEmptyOrOversizedOnesUnhashed()
    {
        var token = SecretToken.Create("r_");

        Assert.Equal(SecretToken.Hash(token), SecretToken.HashPresented(token));
        Assert.Null(SecretToken.HashPresented(null));
        Assert.Null(SecretToken.HashPresented(""));
        Assert.Null(SecretToken.HashPresented(new string('a', SecretToken.MaxPresentedLength + 1)));
        Assert.NotNull(SecretToken.HashPresented(new string('a', SecretToken.MaxPresentedLength)));
    }
}
