using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Reporting.Functions;

// The isolated worker with ASP.NET Core integration (HTTP functions return IActionResult).
FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
ReportingServices.AddDefaults(builder.Configuration);
builder.Services.AddReporting(builder.Configuration);
builder.Build().Run();
