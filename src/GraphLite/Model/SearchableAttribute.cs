namespace GraphLite.Model;

/// <summary>
/// Marks a string property that <c>$search</c> matches. An entity type without one does not support <c>$search</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class SearchableAttribute : Attribute;
