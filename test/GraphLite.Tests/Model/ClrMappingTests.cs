using System.Xml;
using GraphLite.Model;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;

namespace GraphLite.Tests.Model;

public sealed class ClrMappingTests
{
    [Test]
    public void Load_MapsEveryTypeAndProperty()
    {
        var model = GraphModel.Load(typeof(GraphModel).Assembly);

        model.FindDeclaredType("microsoft.graph.participantLeftNotification").Should().NotBeNull();
        model.FindDeclaredType("microsoft.graph.entity").Should().NotBeNull();
    }

    [Test]
    public void Apply_NamesType_WhenClrClassIsMissing()
    {
        var model = Parse("""<EntityType Name="participantJoiningNotification" BaseType="graph.entity" />""");

        var apply = () => ClrMapping.Apply(model, typeof(GraphModel).Assembly);

        apply.Should().Throw<InvalidOperationException>()
            .WithMessage("*'microsoft.graph.participantJoiningNotification'*ParticipantJoiningNotification*");
    }

    [Test]
    public void Apply_NamesProperty_WhenClrPropertyIsMissing()
    {
        var model = Parse("""
            <EntityType Name="participantLeftNotification" BaseType="graph.entity">
              <Property Name="participantId" Type="Edm.String" Nullable="false" />
              <Property Name="leftAt" Type="Edm.DateTimeOffset" />
            </EntityType>
            """);

        var apply = () => ClrMapping.Apply(model, typeof(GraphModel).Assembly);

        apply.Should().Throw<InvalidOperationException>()
            .WithMessage("*'microsoft.graph.participantLeftNotification/leftAt'*ParticipantLeftNotification.LeftAt*");
    }

    [Test]
    public void Apply_NamesProperty_WhenClrTypeDiffers()
    {
        var model = Parse("""
            <EntityType Name="participantLeftNotification" BaseType="graph.entity">
              <Property Name="participantId" Type="Edm.Int32" Nullable="false" />
            </EntityType>
            """);

        var apply = () => ClrMapping.Apply(model, typeof(GraphModel).Assembly);

        apply.Should().Throw<InvalidOperationException>().WithMessage("*participantId*Edm.Int32*String*");
    }

    private static IEdmModel Parse(string extraTypes)
    {
        var csdl = $"""
            <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
              <edmx:DataServices>
                <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                  <EntityType Name="entity" Abstract="true">
                    <Key><PropertyRef Name="id" /></Key>
                    <Property Name="id" Type="Edm.String" Nullable="false" />
                  </EntityType>
                  {extraTypes}
                </Schema>
              </edmx:DataServices>
            </edmx:Edmx>
            """;
        using var reader = XmlReader.Create(new StringReader(csdl));
        return CsdlReader.Parse(reader);
    }
}
