using GraphLite.Errors;

namespace GraphLite.Storage;

/// <summary>
/// Rejects a query string that contains U+0000 once decoded, e.g. <c>$filter=id eq 'a%00b'</c>, with a 400 on
/// every store. No stored string contains U+0000, but PostgreSQL fails on such a query parameter instead of
/// matching nothing, and it would fail after the response has started. Kestrel already rejects U+0000 in the path.
/// </summary>
public sealed class UnstorableQueryMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        foreach (var (name, values) in context.Request.Query)
        {
            if (values.Any(value => value?.Contains('\0', StringComparison.Ordinal) == true))
            {
                await GraphErrorWriter.WriteAsync(context, GraphError.BadRequest(
                    $"The query option '{name}' contains the character U+0000, which no stored value can contain."));
                return;
            }
        }

        await next(context);
    }
}
