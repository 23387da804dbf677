using System.Reflection;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace GraphLite.Model;

/// <summary>
/// Loads the CSDL shipped from <c>edm/</c>, validates it and binds every EDM type and property to its CLR twin.
/// </summary>
public static class GraphModel
{
    public const string Namespace = "microsoft.graph";

    private const string ResourceName = "GraphLite.Edm.microsoft.graph.csdl.xml";

    private static readonly Lazy<IEdmModel> s_model = new(() => Load(typeof(GraphModel).Assembly));

    /// <summary>The model of this build, loaded once per process.</summary>
    public static IEdmModel Instance => s_model.Value;

    /// <summary>
    /// Parses and validates the CSDL embedded in <paramref name="assembly"/>, then maps its structured types
    /// onto the CLR classes of the same assembly.
    /// </summary>
    /// <exception cref="InvalidOperationException">The CSDL is invalid, or a type or property has no CLR mapping.</exception>
    public static IEdmModel Load(Assembly assembly)
    {
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The model resource '{ResourceName}' is missing from {assembly.GetName().Name}.");
        using var reader = XmlReader.Create(stream);

        if (!CsdlReader.TryParse(reader, out var model, out var parseErrors))
        {
            throw new InvalidOperationException($"The CSDL model is invalid: {FormatErrors(parseErrors)}");
        }

        if (!model.Validate(out var validationErrors))
        {
            throw new InvalidOperationException($"The CSDL model failed validation: {FormatErrors(validationErrors)}");
        }

        ClrMapping.Apply(model, assembly);
        return model;
    }

    private static string FormatErrors(IEnumerable<EdmError> errors) =>
        string.Join("; ", errors.Select(error => $"{error.ErrorCode} at {error.ErrorLocation}: {error.ErrorMessage}"));
}
