using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core;
using Reporting.Core.Pipeline;
using Reporting.Core.Ingestion.Output;
using Reporting.Core.Storage;
using Reporting.Functions;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Functions;

[Collection(IntegrationFixtures.Name)]
public sealed class HttpFunctionTests(AzuriteFixture azurite, SmtpFixture smtp) : FunctionHostTests(azurite, smtp, UploadTime)
{
    [Fact]
    public async Task The_template_endpoint_returns_the_blank_workbook_under_its_chinese_name()
    {
        IActionResult result = Host.Create<TemplatesFunction>().Run(FunctionsTestHost.Request("?period=2022-12"), "projects");
        (int status, Microsoft.AspNetCore.Http.IHeaderDictionary headers, byte[] body) = await Host.ExecuteAsync(result);

        Assert.Equal(200, status);
        Assert.Equal(TemplatesFunction.XlsxContentType, headers.ContentType.ToString());
        Assert.Contains("filename*=UTF-8''%E9%87%8D%E5%A4%A7%E9%A1%B9%E7%9B%AE", headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        using var workbook = new XLWorkbook(new MemoryStream(body));
        Assert.True(workbook.TryGetWorksheet(TemplateWriter.DataSheetName, out _));
    }

    [Fact]
    public async Task An_unknown_template_kind_is_answered_in_chinese()
    {
        (int status, _, byte[] body) = await Host.ExecuteAsync(Host.Create<TemplatesFunction>().Run(FunctionsTestHost.Request(), "budget"));

        Assert.Equal(404, status);
        Assert.Contains("没有“budget”这种报表", Json(body).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_endpoint_lists_who_submitted_with_findings_and_who_is_missing()
    {
        await IngestAsync("anyuan", Samples.Projects(Host.Options));
        await IngestAsync("luxi", ("芦溪县（有误）.xlsx", Samples.WithNegativeInvestment(Host.Options)));

        IActionResult result = await Host.Create<PeriodStatusFunction>().RunAsync(FunctionsTestHost.Request(), "2022-12", CancellationToken.None);
        (int status, _, byte[] body) = await Host.ExecuteAsync(result);

        Assert.Equal(200, status);
        JsonElement json = Json(body);
        Assert.Equal("2022-12", json.GetProperty("period").GetString());
        JsonElement[] departments = [.. json.GetProperty("departments").EnumerateArray()];
        Assert.Equal(Host.Options.Departments.Count, departments.Length);
        JsonElement anyuan = departments.Single(d => d.GetProperty("status").GetProperty("departmentId").GetString() == "anyuan");
        Assert.Equal("onTime", anyuan.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal("2023-01-02T02:00:00+00:00", anyuan.GetProperty("submissions")[0].GetProperty("receivedAt").GetString());
        JsonElement luxi = departments.Single(d => d.GetProperty("status").GetProperty("departmentId").GetString() == "luxi");
        Assert.Equal("rejected", luxi.GetProperty("status").GetProperty("state").GetString());
        Assert.Contains(luxi.GetProperty("submissions")[0].GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "value.negative");
        string[] missing = [.. json.GetProperty("missing").EnumerateArray().Select(d => d.GetProperty("status").GetProperty("departmentId").GetString()!)];
        Assert.Equal(Host.Options.Departments.Where(d => d.Id != "anyuan").Select(d => d.Id).Order(), missing.Order());
    }

    [Theory]
    [InlineData("2022-13")]
    [InlineData("latest")]
    public async Task A_malformed_period_is_a_bad_request(string period)
    {
        (int statusCode, _, byte[] body) = await Host.ExecuteAsync(await Host.Create<PeriodStatusFunction>().RunAsync(FunctionsTestHost.Request(), period, CancellationToken.None));
        (int briefingCode, _, _) = await Host.ExecuteAsync(await Host.Create<BriefingFunction>().RunAsync(FunctionsTestHost.Request("?send=true"), period, CancellationToken.None));

        Assert.Equal((400, 400), (statusCode, briefingCode));
        Assert.Contains("应为 YYYY-MM", Json(body).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Smtp.Messages, m => m.EnvelopeTo.Any(Host.Options.Delivery.Recipients.Contains));
    }

    [Fact]
    public async Task Render_now_draws_up_a_draft_and_send_true_is_refused_until_the_office_signs_it()
    {
        await IngestAsync("anyuan", Samples.Projects(Host.Options));
        Smtp.Clear();
        BriefingFunction function = Host.Create<BriefingFunction>();

        (int renderStatus, _, byte[] rendered) = await Host.ExecuteAsync(await function.RunAsync(FunctionsTestHost.Request(), "2022-12", CancellationToken.None));
        (int refusedStatus, _, byte[] refused) = await Host.ExecuteAsync(await function.RunAsync(FunctionsTestHost.Request("?send=true"), "2022-12", CancellationToken.None));
        int leadersBeforeSigning = Smtp.Messages.Count(m => m.EnvelopeTo.Any(Leaders().Contains));
        var review = Host.Services.GetRequiredService<BriefingReview>();
        IssueView draft = (await review.GetAsync(new ReportingPeriod(2022, 12)))!;
        ReviewResult signed = await review.SignAsync(draft.Issue.PeriodOf(), draft.Issue.Number, draft.Issue.DraftVersion, "张主任");
        (int sendStatus, _, byte[] sent) = await Host.ExecuteAsync(await function.RunAsync(FunctionsTestHost.Request("?send=true"), "2022-12", CancellationToken.None));

        Assert.Equal((200, 409, 200), (renderStatus, refusedStatus, sendStatus));
        string pdfPath = Json(rendered).GetProperty("briefing").GetProperty("pdfPath").GetString()!;
        Assert.StartsWith("briefings/2022-12/drafts/", pdfPath, StringComparison.Ordinal);
        Assert.Equal("%PDF", Encoding.ASCII.GetString((await Host.Stores.Store.ReadBytesAsync(pdfPath))!, 0, 4));
        Assert.Contains("尚未签发", Json(refused).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, leadersBeforeSigning);
        Assert.True(signed.Succeeded, signed.Message);
        // Signing mailed the leaders; the send afterwards finds every one already served.
        Assert.Equal(0, Json(sent).GetProperty("delivery").GetProperty("sentNow").GetInt32());
        Assert.Equal(Leaders().Length, Json(sent).GetProperty("delivery").GetProperty("alreadySent").GetInt32());
        Assert.Equal(Leaders().Order(), Smtp.Messages.SelectMany(m => m.EnvelopeTo).Where(Leaders().Contains).Order());
    }

    [Fact]
    public async Task Without_sign_off_render_now_stores_the_briefing_and_send_true_delivers_it_once()
    {
        UseSettings(WithoutSignOff());
        await IngestAsync("anyuan", Samples.Projects(Host.Options));
        Smtp.Clear();
        BriefingFunction function = Host.Create<BriefingFunction>();

        (int renderStatus, _, byte[] rendered) = await Host.ExecuteAsync(await function.RunAsync(FunctionsTestHost.Request(), "2022-12", CancellationToken.None));
        int afterRender = Smtp.Messages.Count;
        (int sendStatus, _, byte[] sent) = await Host.ExecuteAsync(await function.RunAsync(FunctionsTestHost.Request("?send=true"), "2022-12", CancellationToken.None));
        (_, _, byte[] again) = await Host.ExecuteAsync(await function.RunAsync(FunctionsTestHost.Request("?send=true"), "2022-12", CancellationToken.None));

        Assert.Equal((200, 200), (renderStatus, sendStatus));
        Assert.Equal("briefings/2022-12/1.pdf", Json(rendered).GetProperty("briefing").GetProperty("pdfPath").GetString());
        Assert.False(Json(rendered).TryGetProperty("delivery", out _), "no delivery without send=true");
        Assert.Equal(0, afterRender);
        Assert.Equal(Leaders().Length, Json(sent).GetProperty("delivery").GetProperty("sentNow").GetInt32());
        Assert.Equal(0, Json(again).GetProperty("delivery").GetProperty("sentNow").GetInt32());
        Assert.Equal(Leaders().Length, Json(again).GetProperty("delivery").GetProperty("alreadySent").GetInt32());
        Assert.Equal(Leaders().Order(), Smtp.Messages.SelectMany(m => m.EnvelopeTo).Order());
    }

    [Fact]
    public async Task Render_now_for_a_period_nobody_submitted_is_a_conflict_in_chinese()
    {
        (int status, _, byte[] body) = await Host.ExecuteAsync(await Host.Create<BriefingFunction>().RunAsync(FunctionsTestHost.Request(), "2021-05", CancellationToken.None));

        Assert.Equal(409, status);
        Assert.Equal("2021年1-5月还没有已受理的报送，未生成简报。", Json(body).GetProperty("error").GetString());
    }

    private async Task IngestAsync(string department, (string Name, byte[] Content) file)
    {
        Azure.Storage.Blobs.BlobClient blob = await Host.UploadAsync(department, file.Name, file.Content);
        await Host.Create<IngestUploadFunction>().RunAsync(blob, department, file.Name, CancellationToken.None);
    }

    private string[] Leaders() => [.. Host.Options.Delivery.Leaders().Select(l => l.Address)];

    private static JsonElement Json(byte[] body) => JsonDocument.Parse(body).RootElement;
}
