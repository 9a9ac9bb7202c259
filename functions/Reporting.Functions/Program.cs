using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Reporting.Infrastructure;

// The isolated worker with ASP.NET Core integration (HTTP functions return IActionResult); every
// service comes from the one composition root, configured by app settings over reporting.json.
FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Configuration.AddReportingDefaults();
builder.Services.AddReporting(builder.Configuration);
builder.Build().Run();
