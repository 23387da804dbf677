using System.Security.Claims;
using Microsoft.OData.Edm;

namespace GraphLite.Auth;

/// <summary>
/// Maps a request onto the Graph permission it needs, from the model: the entity type behind the first URL
/// segment gives the resource (<c>participantLeftNotification</c> gives <c>ParticipantLeftNotification</c>),
/// the HTTP method the operation. GET and HEAD need <c>{Resource}.Read.All</c> or <c>{Resource}.ReadWrite.All</c>,
/// every other method <c>{Resource}.ReadWrite.All</c>. A new entity set or singleton gets its permissions this way.
/// </summary>
public sealed class GraphPermissions
{
    /// <summary>The claim of app tokens: a JSON array of permission names.</summary>
    public const string RolesClaim = "roles";

    /// <summary>The claim of delegated tokens: permission names separated by spaces.</summary>
    public const string ScopeClaim = "scp";

    private readonly Dictionary<string, string> _resourceBySegment = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _routePrefix;

    public GraphPermissions(IEdmModel model, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(model);

        _routePrefix = routePrefix;
        foreach (var source in model.EntityContainer.Elements.OfType<IEdmNavigationSource>())
        {
            _resourceBySegment[source.Name] = ResourceName(source.EntityType.Name);
        }

        var resources = _resourceBySegment.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        FullAccess = resources.Select(resource => $"{resource}.ReadWrite.All").ToList();
        All = resources.SelectMany(resource => new[] { $"{resource}.Read.All", $"{resource}.ReadWrite.All" }).ToList();
    }

    /// <summary>The <c>ReadWrite.All</c> permission of every resource: a token with these may do everything.</summary>
    public IReadOnlyList<string> FullAccess { get; }

    /// <summary>Every permission GraphLite checks.</summary>
    public IReadOnlyList<string> All { get; }

    /// <summary>Returns the permission a request needs, or null when its URL names no entity set or singleton.</summary>
    public RequiredAccess? RequiredFor(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var segments = request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (segments.Length < 2 || !segments[0].Equals(_routePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var name = segments[1];
        var parenthesis = name.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis >= 0)
        {
            name = name[..parenthesis];
        }

        if (!_resourceBySegment.TryGetValue(name, out var resource))
        {
            return null;
        }

        var readOnly = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        return new RequiredAccess(resource, readOnly);
    }

    /// <summary>Whether the token's roles or scp grant the permission.</summary>
    public static bool IsGranted(ClaimsPrincipal user, RequiredAccess required)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(required);

        var granted = user.FindAll(RolesClaim).Select(claim => claim.Value)
            .Concat(user.FindAll(ScopeClaim).SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        return granted.Any(permission => required.IsSatisfiedBy(permission));
    }

    /// <summary>Turns an EDM type name into the resource part of a permission: the name in PascalCase.</summary>
    public static string ResourceName(string entityTypeName)
    {
        ArgumentException.ThrowIfNullOrEmpty(entityTypeName);
        return char.ToUpperInvariant(entityTypeName[0]) + entityTypeName[1..];
    }
}

/// <summary>The permission one request needs.</summary>
/// <param name="Resource">The resource part, e.g. <c>ParticipantLeftNotification</c>.</param>
/// <param name="ReadOnly">True when <c>Read.All</c> is enough.</param>
public sealed record RequiredAccess(string Resource, bool ReadOnly)
{
    public string ReadWrite => $"{Resource}.ReadWrite.All";

    public string Read => $"{Resource}.Read.All";

    public bool IsSatisfiedBy(string permission) =>
        permission.Equals(ReadWrite, StringComparison.OrdinalIgnoreCase)
        || (ReadOnly && permission.Equals(Read, StringComparison.OrdinalIgnoreCase));
}
