using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Output;

namespace Reporting.Functions;

/// <summary>GET /api/templates/{kind}[?period=YYYY-MM]: the blank workbook a department fills in.</summary>
public sealed class TemplatesFunction(ReportingOptions options, ILogger<TemplatesFunction> logger)
{
    public const string Name = "GetTemplate";
    public const string Route = "api/templates/{kind}";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Function(Name)]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = Route)] HttpRequest request, string kind)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!DatasetKinds.TryParse(kind, out DatasetKind parsed))
        {
            return HttpResults.Error(StatusCodes.Status404NotFound, $"没有“{Core.Storage.StorePath.Printable(kind)}”这种报表；可选 projects、signings、metrics。");
        }

        ReportingPeriod? period = null;
        string? periodText = request.Query["period"];
        if (!string.IsNullOrEmpty(periodText))
        {
            if (!ReportingPeriod.TryParse(periodText, out ReportingPeriod value))
            {
                return HttpResults.BadPeriod(periodText);
            }

            period = value;
        }

        try
        {
            using var workbook = new MemoryStream();
            TemplateWriter.Write(parsed, options, workbook, period);
            return new FileContentResult(workbook.ToArray(), XlsxContentType) { FileDownloadName = TemplateWriter.FileName(parsed, period) };
        }
        catch (Exception e)
        {
            logger.LogError(e, "Template {Kind} could not be written", parsed);
            return HttpResults.Failure();
        }
    }
}
