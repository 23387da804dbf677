namespace GraphLite.Auth;

/// <summary>Where the keys that sign accepted bearer tokens come from.</summary>
public enum AuthMode
{
    /// <summary>GraphLite signs and checks its own tokens with a key in its data folder.</summary>
    Offline,

    /// <summary>An OpenID Connect issuer (e.g. a Microsoft Entra tenant) signs tokens; GraphLite reads its published keys.</summary>
    Oidc,
}
