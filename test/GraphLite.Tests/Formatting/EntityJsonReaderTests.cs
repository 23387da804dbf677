using System.Text;
using GraphLite.Formatting;
using GraphLite.Model;
using GraphLite.Notifications;

namespace GraphLite.Tests.Formatting;

public sealed class EntityJsonReaderTests
{
    private static EntityJsonShape Shape => EntityJsonShape.Find(GraphModel.Instance, typeof(ParticipantLeftNotification))!;

    [Test]
    public void Shape_ListsPropertiesInModelOrder()
    {
        Shape.TypeAnnotation.Should().Be("#microsoft.graph.participantLeftNotification");
        Shape.Properties.Select(property => property.Name).Should().Equal("id", "participantId");
    }

    [Test]
    public void Shape_IsNull_ForAbstractBaseType()
    {
        EntityJsonShape.Find(GraphModel.Instance, typeof(Entity)).Should().BeNull();
    }

    [TestCase("""{"@odata.type":"#microsoft.graph.participantLeftNotification","id":"k","participantId":"p"}""", "k", "p")]
    [TestCase("""{"participantId":"p\u00e9\"x"}""", null, "p\u00e9\"x")]
    [TestCase(""" { "id" : "k" , "participantId" : "p" } """, "k", "p")]
    public void TryRead_ReadsPlainBody(string json, string? id, string participantId)
    {
        var entity = EntityJsonReader.TryRead(Encoding.UTF8.GetBytes(json), Shape);

        entity.Should().BeOfType<ParticipantLeftNotification>();
        var notification = (ParticipantLeftNotification)entity!;
        notification.Id.Should().Be(id);
        notification.ParticipantId.Should().Be(participantId);
    }

    [TestCase("""{"participantId":"p","@odata.type":"#microsoft.graph.participantLeftNotification"}""")]
    [TestCase("""{"@odata.type":"#graph.participantLeftNotification","participantId":"p"}""")]
    [TestCase("""{"participantId":"p","participantId":"q"}""")]
    [TestCase("""{"participantId":"p","other":"q"}""")]
    [TestCase("""{"participantId":null}""")]
    [TestCase("""{"participantId":1}""")]
    [TestCase("""{"participant\u0049d":"p"}""")]
    [TestCase("""{"participantId":"p"} {}""")]
    [TestCase("""{"participantId":"p" """)]
    [TestCase("""[{"participantId":"p"}]""")]
    [TestCase("""{"participantId":"\uD800"}""")]
    public void TryRead_DeclinesBodyODataMustJudge(string json)
    {
        EntityJsonReader.TryRead(Encoding.UTF8.GetBytes(json), Shape).Should().BeNull();
    }
}
