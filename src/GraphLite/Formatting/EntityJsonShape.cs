using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using GraphLite.Model;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace GraphLite.Formatting;

/// <summary>
/// The JSON form of one entity type that the fast input formatter reads: its EDM type and its string properties.
/// </summary>
/// <remarks>
/// Only types whose structural properties are all <c>Edm.String</c> have a shape; every other type goes through
/// AspNetCore.OData's own reader.
/// </remarks>
internal sealed class EntityJsonShape
{
    private static readonly ConcurrentDictionary<(IEdmModel, Type), EntityJsonShape?> s_shapes = new();

    private readonly Func<object> _createInstance;

    private EntityJsonShape(IEdmEntityType edmType, Type clrType, IReadOnlyList<EntityJsonProperty> properties)
    {
        _createInstance = Expression.Lambda<Func<object>>(Expression.New(clrType)).Compile();
        EdmType = edmType;
        TypeAnnotation = "#" + edmType.FullName();
        Properties = properties;
    }

    public IEdmEntityType EdmType { get; }

    /// <summary>The <c>@odata.type</c> value, e.g. <c>#microsoft.graph.participantLeftNotification</c>.</summary>
    public string TypeAnnotation { get; }

    public IReadOnlyList<EntityJsonProperty> Properties { get; }

    public object CreateInstance() => _createInstance();

    /// <summary>Returns the shape of <paramref name="clrType"/> in <paramref name="model"/>, or null when it has none.</summary>
    public static EntityJsonShape? Find(IEdmModel model, Type clrType) =>
        s_shapes.GetOrAdd((model, clrType), static key => Create(key.Item1, key.Item2));

    private static EntityJsonShape? Create(IEdmModel model, Type clrType)
    {
        if (!typeof(Entity).IsAssignableFrom(clrType) || clrType.IsAbstract || clrType.GetConstructor(Type.EmptyTypes) is null)
        {
            return null;
        }

        var edmType = model.SchemaElements
            .OfType<IEdmEntityType>()
            .FirstOrDefault(type => model.GetAnnotationValue<ClrTypeAnnotation>(type)?.ClrType == clrType);
        if (edmType is null || edmType.IsAbstract || edmType.NavigationProperties().Any())
        {
            return null;
        }

        var properties = new List<EntityJsonProperty>();
        foreach (var property in edmType.StructuralProperties())
        {
            var clrProperty = model.GetAnnotationValue<ClrPropertyInfoAnnotation>(property)?.ClrPropertyInfo;
            if (!property.Type.IsString() || clrProperty is null || clrProperty.PropertyType != typeof(string))
            {
                return null;
            }

            properties.Add(new EntityJsonProperty(property.Name, clrProperty));
        }

        return new EntityJsonShape(edmType, clrType, properties);
    }
}

/// <summary>One <c>Edm.String</c> property with a compiled setter for its CLR property.</summary>
internal sealed class EntityJsonProperty
{
    public EntityJsonProperty(string name, PropertyInfo clrProperty)
    {
        Name = name;

        var instance = Expression.Parameter(typeof(object), "instance");
        var value = Expression.Parameter(typeof(string), "value");
        var typed = Expression.Convert(instance, clrProperty.DeclaringType!);
        Set = Expression.Lambda<Action<object, string>>(Expression.Assign(Expression.Property(typed, clrProperty), value), instance, value).Compile();
    }

    /// <summary>The EDM name, as it appears in JSON.</summary>
    public string Name { get; }

    public Action<object, string> Set { get; }
}
