using System.Security.Claims;
using GraphLite.Auth;
using GraphLite.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.OData.Edm;

namespace GraphLite.Tests.Auth;

public sealed class GraphPermissionsTests
{
    [Test]
    public void FullAccess_ListsReadWriteOfEverySet()
    {
        var permissions = new GraphPermissions(GraphModel.Instance, "v1.0");

        permissions.FullAccess.Should().Equal("ParticipantLeftNotification.ReadWrite.All");
        permissions.All.Should().Equal("ParticipantLeftNotification.Read.All", "ParticipantLeftNotification.ReadWrite.All");
    }

    [TestCase("GET", "/v1.0/participantLeftNotifications", "ParticipantLeftNotification", true)]
    [TestCase("HEAD", "/v1.0/participantLeftNotifications/x", "ParticipantLeftNotification", true)]
    [TestCase("POST", "/v1.0/participantLeftNotifications", "ParticipantLeftNotification", false)]
    [TestCase("PATCH", "/v1.0/participantLeftNotifications/x", "ParticipantLeftNotification", false)]
    [TestCase("DELETE", "/v1.0/PARTICIPANTLEFTNOTIFICATIONS('x')", "ParticipantLeftNotification", false)]
    [TestCase("GET", "/v1.0/callRecords/x/sessions", "CallRecord", true)]
    [TestCase("PUT", "/v1.0/communications", "CloudCommunications", false)]
    public void RequiredFor_DerivesPermissionFromModel(string method, string path, string resource, bool readOnly)
    {
        var permissions = new GraphPermissions(ModelWithMoreSets(), "v1.0");

        var required = permissions.RequiredFor(Request(method, path));

        required.Should().Be(new RequiredAccess(resource, readOnly));
    }

    [TestCase("/v1.0/$metadata")]
    [TestCase("/v1.0/$batch")]
    [TestCase("/v1.0/noSuchSet")]
    [TestCase("/v1.0")]
    [TestCase("/beta/participantLeftNotifications")]
    public void RequiredFor_ReturnsNull_WithoutSet(string path)
    {
        var permissions = new GraphPermissions(ModelWithMoreSets(), "v1.0");

        permissions.RequiredFor(Request("GET", path)).Should().BeNull();
    }

    [TestCase("roles", "ParticipantLeftNotification.Read.All", true, true)]
    [TestCase("roles", "ParticipantLeftNotification.Read.All", false, false)]
    [TestCase("roles", "participantleftnotification.readwrite.all", false, true)]
    [TestCase("scp", "User.Read ParticipantLeftNotification.ReadWrite.All", false, true)]
    [TestCase("scp", "ParticipantLeftNotification.Read", true, false)]
    [TestCase("role", "ParticipantLeftNotification.ReadWrite.All", true, false)]
    public void IsGranted_ReadsRolesAndScp(string claimType, string value, bool readOnly, bool granted)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(claimType, value)], "test"));

        GraphPermissions.IsGranted(user, new RequiredAccess("ParticipantLeftNotification", readOnly)).Should().Be(granted);
    }

    private static HttpRequest Request(string method, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        return context.Request;
    }

    private static EdmModel ModelWithMoreSets()
    {
        var model = new EdmModel();
        var container = new EdmEntityContainer("microsoft.graph", "GraphService");
        model.AddElement(container);
        foreach (var (setName, typeName, singleton) in new[]
        {
            ("participantLeftNotifications", "participantLeftNotification", false),
            ("callRecords", "callRecord", false),
            ("communications", "cloudCommunications", true),
        })
        {
            var type = new EdmEntityType("microsoft.graph", typeName);
            type.AddKeys(type.AddStructuralProperty("id", EdmPrimitiveTypeKind.String, isNullable: false));
            model.AddElement(type);
            if (singleton)
            {
                container.AddSingleton(setName, type);
            }
            else
            {
                container.AddEntitySet(setName, type);
            }
        }

        return model;
    }
}
