using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Portal;

/// <summary>
/// An upload through the portal, over HTTP: the same path as the blob trigger (archived, read, recorded, receipt
/// mailed), its answer in place, the department always the signed-in clerk's, a repeat changing nothing, and every
/// name that came from the uploader harmless wherever it is written back (pages, download headers).
/// </summary>
[Collection(IntegrationFixtures.Name)]
public sealed class PortalUploadTests(AzuriteFixture azurite, SmtpFixture smtp) : PortalTests(azurite, smtp)
{
    public static TheoryData<string> HostileNames() =>
    [
        "安源区报表\"; filename=evil.exe\".xlsx",
        "安源区报表\r\nX-Injected: yes\r\n.xlsx",
        "..\\..\\windows\\system32\\安源区报表.xlsx",
        "../../../etc/passwd/安源区报表.xlsx",
        "安源区报表\u202Exslx.exe",
        "安源区2022年12月重大项目调度表（更正）.xlsx",
    ];

    [Fact]
    public async Task An_accepted_upload_is_answered_with_counts_and_totals_archived_recorded_and_receipted()
    {
        using PortalClient clerk = await Portal.Client().SignInAsync("anyuan");
        (string name, byte[] content) = PortalSamples.Bundled("anyuan");
        using HttpResponseMessage response = await clerk.UploadAsync(name, content, path: "/portal/uploads");
        string fragment = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已通过校验并受理", fragment, StringComparison.Ordinal);
        Assert.Contains("个项目，年度计划投资合计", fragment, StringComparison.Ordinal);

        SubmissionRecord record = Assert.Single(await Portal.SubmissionsAsync());
        Assert.Equal(("anyuan", "portal/anyuan/2022-12/" + name), (record.Department, record.UploadPath));
        Assert.True(record.IsAccepted);
        Assert.Equal(content, await Portal.Get<IReportStore>().ReadBytesAsync(record.ArchivePath));
        CapturedMail receipt = Assert.Single(Smtp.Messages);
        Assert.Equal(["anyuan@fgw.pingxiang.example"], receipt.EnvelopeTo);
    }

    [Fact]
    public async Task A_rejected_upload_lists_every_finding_with_sheet_cell_header_value_and_rule_and_offers_the_annotated_workbook()
    {
        using PortalClient clerk = await Portal.Client().SignInAsync("anyuan");
        PortalUpload answer = await clerk.UploadJsonAsync("有误.xlsx", PortalSamples.Broken(Portal.Get<ReportingOptions>()));
        Assert.Equal("rejected", answer.Status);
        JsonElement[] errors = [.. answer.Findings.Where(f => f.GetProperty("severity").GetString() == "error")];
        Assert.True(errors.Length >= 2, string.Join("\n", answer.Findings));
        Assert.All(errors, f =>
        {
            foreach (string property in new[] { "sheet", "cell", "header", "value", "message" })
            {
                Assert.False(string.IsNullOrEmpty(f.GetProperty(property).GetString()), $"{property} in {f}");
            }
        });
        Assert.Contains(errors, f => f.GetProperty("value").GetString() == "-500");
        Assert.Contains(errors, f => f.GetProperty("value").GetString() == "白云新区");

        using HttpResponseMessage annotated = await clerk.GetAsync(answer.Annotated!);
        Assert.Equal(HttpStatusCode.OK, annotated.StatusCode);
        Assert.Equal("PK"u8.ToArray(), (await annotated.Content.ReadAsByteArrayAsync())[..2]);

        string page = await clerk.GetStringAsync(answer.Details);
        foreach (JsonElement error in errors)
        {
            Assert.Contains($"<td data-label=\"单元格\">{error.GetProperty("cell").GetString()}</td>", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_department_is_the_signed_in_clerks_whatever_the_form_or_the_file_name_says()
    {
        using PortalClient clerk = await Portal.Client().SignInAsync("anyuan");
        (_, byte[] content) = PortalSamples.Bundled("anyuan");
        using HttpResponseMessage response = await clerk.UploadAsync(
            "../../xiangdong/2022-12/湘东区.xlsx", content, extraFields: new Dictionary<string, string> { ["department"] = "xiangdong", ["path"] = "uploads/xiangdong/x.xlsx" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SubmissionRecord record = Assert.Single(await Portal.SubmissionsAsync());
        Assert.Equal("anyuan", record.Department);
        Assert.StartsWith("portal/anyuan/2022-12/", record.UploadPath, StringComparison.Ordinal);
        Assert.StartsWith("archive/originals/anyuan/", record.ArchivePath, StringComparison.Ordinal);
        Assert.DoesNotContain(await Portal.ListAsync("archive/"), o => o.Path.Contains("xiangdong", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_file_uploaded_again_is_reported_already_processed_and_changes_nothing()
    {
        using PortalClient clerk = await Portal.Client().SignInAsync("anyuan");
        (string name, byte[] content) = PortalSamples.Bundled("anyuan");
        PortalUpload first = await clerk.UploadJsonAsync(name, content);
        Portal.Clock.Advance(TimeSpan.FromMinutes(5));
        PortalUpload again = await clerk.UploadJsonAsync(name, content);

        Assert.False(first.AlreadyProcessed);
        Assert.True(again.AlreadyProcessed);
        Assert.Equal(first.Id, again.Id);
        Assert.Single(await Portal.SubmissionsAsync());
        Assert.Single(await Portal.ListAsync("archive/"));
        Assert.Single(Smtp.Messages);

        using HttpResponseMessage page = await clerk.UploadAsync(name, content, path: "/portal/uploads");
        Assert.Contains("未重复导入", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task A_download_name_from_the_uploader_comes_out_sanitised_in_content_disposition(string hostile)
    {
        using PortalClient clerk = await Portal.Client().SignInAsync("anyuan");
        using PortalClient office = await Portal.Client().SignInAsync("office");
        byte[] broken = PortalSamples.Broken(Portal.Get<ReportingOptions>());
        var form = new MultipartFormDataContent { { new StringContent("2022-12"), "period" } };
        var file = new ByteArrayContent(broken);

        // filename* (RFC 5987) carries any character, CR and LF included, percent-encoded: what a hostile client would send.
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = hostile };
        form.Add(file);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/portal/api/uploads") { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", clerk.Token);
        using HttpResponseMessage response = await clerk.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PortalUpload answer = PortalClient.ReadUpload(await response.Content.ReadAsStringAsync());

        string officeLinks = $"/portal/office/submissions/anyuan/{answer.Id}";
        foreach ((PortalClient client, string path) in new[]
        {
            (clerk, answer.Original), (clerk, answer.Annotated!), (office, officeLinks + "/original"), (office, officeLinks + "/annotated"),
        })
        {
            using HttpResponseMessage download = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.False(download.Headers.Contains("X-Injected"), path);
            string raw = Assert.Single(download.Content.Headers.GetValues("Content-Disposition"));
            Assert.True(raw.All(c => c is >= ' ' and < (char)127), $"{path}: header not plain ASCII: {raw}");
            ContentDispositionHeaderValue disposition = download.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            foreach (string name in new[] { disposition.FileName!.Trim('"'), disposition.FileNameStar! })
            {
                Assert.DoesNotContain(name, c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format
                    || c is '/' or '\\' or '"');
                Assert.False(name.StartsWith('.'), name);
            }

            Assert.EndsWith(path.EndsWith("/annotated", StringComparison.Ordinal) ? "-校验结果.xlsx" : UploadNames.Extension(hostile), disposition.FileNameStar!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_file_name_written_as_markup_is_shown_as_text()
    {
        using PortalClient clerk = await Portal.Client().SignInAsync("anyuan");
        (_, byte[] content) = PortalSamples.Bundled("anyuan");
        PortalUpload answer = await clerk.UploadJsonAsync("<img src=x onerror=alert(1)>.xlsx", content);
        foreach (string page in new[] { await clerk.GetStringAsync("/portal/"), await clerk.GetStringAsync(answer.Details), await clerk.GetStringAsync("/portal/history") })
        {
            Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
            Assert.Contains("&lt;img src", page, StringComparison.Ordinal);
        }
    }
}
