using System.Reflection;
using System.Text.Json;
using Reporting.Functions;

namespace Reporting.IntegrationTests.Functions;

/// <summary>
/// The Worker SDK writes functions.metadata into the app's build output; the host reads nothing
/// else to learn the triggers. This checks every binding as built: paths, the Event Grid source,
/// connection and schedule setting names, routes, methods and authorization levels.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> s_functions = new(Load);

    private static Dictionary<string, JsonElement> Load()
    {
        string directory = typeof(FunctionsMetadataTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionsOutputDirectory").Value!;
        string path = Path.Combine(directory, "functions.metadata");
        Assert.True(File.Exists(path), $"the Functions app was built and wrote {path}");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }

    private static JsonElement Trigger(string function) =>
        s_functions.Value[function].GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public void Declares_exactly_the_seven_functions_on_the_isolated_worker()
    {
        Assert.Equal(
            ["GetPeriodStatus", "GetTemplate", "IngestUpload", "Portal", "ReadMailbox", "RenderBriefing", "SendBriefing", "SendReminders"],
            s_functions.Value.Keys.Order(StringComparer.Ordinal));
        Assert.All(s_functions.Value.Values, f =>
        {
            Assert.Equal("dotnet-isolated", f.GetProperty("language").GetString());
            Assert.Equal("Reporting.Functions.dll", f.GetProperty("scriptFile").GetString());
        });
    }

    [Fact]
    public void The_upload_trigger_is_an_event_grid_blob_trigger_on_the_uploads_container()
    {
        JsonElement trigger = Trigger(IngestUploadFunction.Name);

        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("uploads/{department}/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal("ReportingStorage", trigger.GetProperty("connection").GetString());
        Assert.Equal("In", trigger.GetProperty("direction").GetString());
        Assert.Equal("Reporting.Functions.IngestUploadFunction.RunAsync", s_functions.Value[IngestUploadFunction.Name].GetProperty("entryPoint").GetString());
    }

    [Theory]
    [InlineData("SendBriefing", "%BriefingSchedule%")]
    [InlineData("SendReminders", "%ReminderSchedule%")]
    [InlineData("ReadMailbox", "%MailboxSchedule%")]
    public void Timers_take_their_utc_schedule_from_a_setting_and_never_run_on_start(string function, string schedule)
    {
        JsonElement trigger = Trigger(function);

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(schedule, trigger.GetProperty("schedule").GetString());
        Assert.False(trigger.GetProperty("useMonitor").GetBoolean());
        Assert.False(trigger.GetProperty("runOnStartup").GetBoolean());
    }

    [Theory]
    [InlineData("GetTemplate", "api/templates/{kind}", "get")]
    [InlineData("GetPeriodStatus", "api/periods/{period}/status", "get")]
    [InlineData("RenderBriefing", "api/periods/{period}/briefing", "post")]
    public void Http_functions_have_their_routes_methods_and_function_keys(string function, string route, string method)
    {
        JsonElement trigger = Trigger(function);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
        Assert.Contains(s_functions.Value[function].GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "Out");
    }

    [Fact]
    public void The_portal_is_one_anonymous_catch_all_route_that_signs_people_in_itself()
    {
        JsonElement trigger = Trigger(PortalFunction.Name);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("portal/{*path}", trigger.GetProperty("route").GetString());
        Assert.Equal(["get", "head", "post"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void The_host_json_routes_http_without_a_prefix_and_the_settings_example_names_every_setting()
    {
        string directory = typeof(FunctionsMetadataTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionsOutputDirectory").Value!;
        using JsonDocument host = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "host.json")));
        using JsonDocument example = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "..", "..", "..", "local.settings.json.example")));

        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        // No prefix: the portal lives at /portal as on `reporting serve`; the machine endpoints keep their /api/... addresses in their routes.
        Assert.Equal(string.Empty, host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        JsonElement values = example.RootElement.GetProperty("Values");
        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
        Assert.Equal("0 30 0 5 * *", values.GetProperty("BriefingSchedule").GetString());
        Assert.Equal("0 0 1 * * *", values.GetProperty("ReminderSchedule").GetString());
        Assert.Equal("0 */5 * * * *", values.GetProperty("MailboxSchedule").GetString());
        foreach (string setting in new[]
        {
            "AzureWebJobsStorage", "ReportingStorage", "Reporting__Delivery__Smtp__Host", "Reporting__Delivery__From",
            "Reporting__Mailbox__Imap__Host", "Reporting__Mailbox__Imap__UserName", "Reporting__Mailbox__Imap__Password", "Reporting__Mailbox__AuthServId",
        })
        {
            Assert.True(values.TryGetProperty(setting, out _), setting);
        }
    }
}
