using Microsoft.IdentityModel.Tokens;

namespace GraphLite.Auth;

/// <summary>The RSA key that signs and checks offline tokens, and the file it was read from.</summary>
public sealed record SigningKey(RsaSecurityKey Key, string Path)
{
    public string KeyId => Key.KeyId;

    public SigningCredentials Credentials => new(Key, SecurityAlgorithms.RsaSha256);
}
