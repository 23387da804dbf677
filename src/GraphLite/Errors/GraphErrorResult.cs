using Microsoft.AspNetCore.Mvc;

namespace GraphLite.Errors;

/// <summary>An MVC result that writes a Graph error.</summary>
public sealed class GraphErrorResult(GraphError error) : IActionResult
{
    public GraphError Error { get; } = error;

    public Task ExecuteResultAsync(ActionContext context) => GraphErrorWriter.WriteAsync(context.HttpContext, Error);
}
