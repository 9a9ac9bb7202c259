using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using NetArchTest.Rules;
using Reporting.Core.Pipeline;
using Reporting.Functions;
using Reporting.Infrastructure;

namespace Reporting.Tests.Architecture;

/// <summary>
/// The house rules, checked on the compiled assemblies: Core holds the rules and the ports and no
/// cloud SDK or mail library; the stages depend only on earlier stages (ingest → indicators →
/// briefings → delivery), with the pipeline the one place that puts them together; the function
/// classes call Core and hold no rule of their own. See the decisions table in README.md.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly s_core = typeof(UploadPipeline).Assembly;
    private static readonly Assembly s_functions = typeof(IngestUploadFunction).Assembly;

    [Theory]
    [InlineData("Azure")]
    [InlineData("MailKit")]
    [InlineData("MimeKit")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.Azure.Functions")]
    [InlineData("Microsoft.Extensions.DependencyInjection")]
    [InlineData("Reporting.Infrastructure")]
    [InlineData("Reporting.Functions")]
    [InlineData("Reporting.Cli")]
    public void Core_references_no_cloud_sdk_mail_library_host_or_entrance(string outside)
    {
        TestResult result = Types.InAssembly(s_core).ShouldNot().HaveDependencyOn(outside).GetResult();

        Assert.True(result.IsSuccessful, $"Core types depending on {outside}: {Names(result)}");
    }

    [Fact]
    public void Core_assembly_references_no_cloud_or_mail_package()
    {
        string[] references = [.. s_core.GetReferencedAssemblies().Select(a => a.Name!)];

        Assert.DoesNotContain(references, name => name.StartsWith("Azure.", StringComparison.Ordinal)
            || name is "MailKit" or "MimeKit" or "Reporting.Infrastructure");
    }

    /// <summary>Each stage may use the stages before it, never one after it: the flow reads front to back.</summary>
    [Theory]
    [InlineData("Reporting.Core.Storage", new[] { "Reporting.Core.Ingestion", "Reporting.Core.Indicators", "Reporting.Core.Briefings", "Reporting.Core.Delivery", "Reporting.Core.Pipeline", "Reporting.Core.Mailbox" })]
    [InlineData("Reporting.Core.Ingestion", new[] { "Reporting.Core.Indicators", "Reporting.Core.Briefings", "Reporting.Core.Delivery", "Reporting.Core.Pipeline", "Reporting.Core.Mailbox" })]
    [InlineData("Reporting.Core.Indicators", new[] { "Reporting.Core.Briefings", "Reporting.Core.Delivery", "Reporting.Core.Pipeline", "Reporting.Core.Mailbox" })]
    [InlineData("Reporting.Core.Briefings", new[] { "Reporting.Core.Delivery", "Reporting.Core.Pipeline", "Reporting.Core.Mailbox" })]
    [InlineData("Reporting.Core.Delivery", new[] { "Reporting.Core.Indicators", "Reporting.Core.Briefings", "Reporting.Core.Pipeline", "Reporting.Core.Mailbox" })]
    public void Stages_depend_only_on_earlier_stages(string stage, string[] later)
    {
        TestResult result = Types.InAssembly(s_core).That().ResideInNamespace(stage).ShouldNot().HaveDependencyOnAny(later).GetResult();

        Assert.True(result.IsSuccessful, $"{stage} types reaching forward into {string.Join(", ", later)}: {Names(result)}");
    }

    /// <summary>
    /// What every stage shares (the decimal rules of display, the type case the briefing prints with) sits beneath them
    /// all: ingestion asks whether a cell is printable without knowing the briefing exists.
    /// </summary>
    [Theory]
    [InlineData("Reporting.Core.Numbers")]
    [InlineData("Reporting.Core.Fonts")]
    public void Shared_foundations_depend_on_no_stage(string foundation)
    {
        string[] stages = ["Reporting.Core.Storage", "Reporting.Core.Ingestion", "Reporting.Core.Indicators", "Reporting.Core.Briefings", "Reporting.Core.Delivery", "Reporting.Core.Pipeline", "Reporting.Core.Mailbox"];
        TestResult result = Types.InAssembly(s_core).That().ResideInNamespace(foundation).ShouldNot().HaveDependencyOnAny(stages).GetResult();

        Assert.True(result.IsSuccessful, $"{foundation} types depending on a stage: {Names(result)}");
    }

    /// <summary>
    /// The mailbox is an entrance inside Core: it feeds the pipeline as the blob trigger and the portal do, so nothing
    /// before it (no stage, not the pipeline, not configuration or storage) may know it exists.
    /// </summary>
    [Theory]
    [InlineData("Reporting.Core.Storage")]
    [InlineData("Reporting.Core.Configuration")]
    [InlineData("Reporting.Core.Numbers")]
    [InlineData("Reporting.Core.Ingestion")]
    [InlineData("Reporting.Core.Indicators")]
    [InlineData("Reporting.Core.Briefings")]
    [InlineData("Reporting.Core.Delivery")]
    [InlineData("Reporting.Core.Pipeline")]
    public void No_earlier_stage_depends_on_the_mailbox(string stage)
    {
        TestResult result = Types.InAssembly(s_core).That().ResideInNamespace(stage).ShouldNot().HaveDependencyOn("Reporting.Core.Mailbox").GetResult();

        Assert.True(result.IsSuccessful, $"{stage} types depending on the mailbox: {Names(result)}");
    }

    /// <summary>The mailbox answers through the upload pipeline and the delivery ledger; it does not read workbooks or write datasets itself.</summary>
    [Fact]
    public void The_mailbox_ingests_only_through_the_upload_pipeline()
    {
        TestResult result = Types.InAssembly(s_core).That().ResideInNamespace("Reporting.Core.Mailbox")
            .ShouldNot().HaveDependencyOnAny(
                "Reporting.Core.Ingestion.Sheets",
                "Reporting.Core.Ingestion.Headers",
                "Reporting.Core.Ingestion.Reading",
                "Reporting.Core.Ingestion.Output",
                "Reporting.Core.Ingestion.WorkbookIngestor",
                "Reporting.Core.Ingestion.DatasetRepository",
                "Reporting.Core.Delivery.ReceiptService",
                "Reporting.Core.Indicators",
                "Reporting.Core.Briefings")
            .GetResult();

        Assert.True(result.IsSuccessful, $"Mailbox types re-implementing a step of the upload path: {Names(result)}");
    }

    /// <summary>
    /// A function reads its input, calls Core and writes its output: it sees Core's services and records,
    /// never the machinery inside a stage (sheet reading, PDF layout, the engine's internals) or the edges.
    /// </summary>
    [Fact]
    public void Function_classes_see_core_services_not_stage_internals()
    {
        TestResult result = Types.InAssembly(s_functions)
            .That().AreClasses().And().DoNotHaveName("Program")
            .ShouldNot().HaveDependencyOnAny(
                "Reporting.Core.Ingestion.Sheets",
                "Reporting.Core.Ingestion.Headers",
                "Reporting.Core.Ingestion.Parsing",
                "Reporting.Core.Ingestion.Reading",
                "Reporting.Core.Briefings.Pdf",
                "Reporting.Core.Briefings.Composition",
                "Reporting.Core.Briefings.Text",
                "Reporting.Infrastructure.Storage",
                "Reporting.Infrastructure.Mail",
                "MailKit",
                "MimeKit",
                "ClosedXML",
                "ExcelDataReader",
                "PdfSharp")
            .GetResult();

        Assert.True(result.IsSuccessful, $"Function types reaching past Core's services: {Names(result)}");
    }

    /// <summary>A function class declares its trigger methods and nothing else: any helper method would be a rule living outside Core.</summary>
    [Fact]
    public void Function_classes_declare_only_their_trigger_methods()
    {
        List<Type> functionClasses = [.. s_functions.GetTypes().Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))];

        Assert.NotEmpty(functionClasses);
        foreach (Type type in functionClasses)
        {
            string[] helpers = [.. type
                .GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttribute<FunctionAttribute>() is null && !m.IsSpecialName && !IsCompilerGenerated(m))
                .Select(m => m.Name)];
            Assert.True(helpers.Length == 0, $"{type.Name} declares {string.Join(", ", helpers)} besides its trigger");
        }
    }

    [Fact]
    public void The_composition_root_is_the_only_place_infrastructure_is_wired()
    {
        // Entrances get services from AddReporting; none of them news up a store or a sender itself.
        TestResult result = Types.InAssembly(typeof(Reporting.Cli.CliApp).Assembly)
            .ShouldNot().HaveDependencyOnAny("Reporting.Infrastructure.Storage", "Reporting.Infrastructure.Mail", "Azure", "MailKit", "MimeKit")
            .GetResult();

        Assert.True(result.IsSuccessful, $"CLI types wiring the edges by hand: {Names(result)}");
        Assert.NotNull(typeof(ReportingServiceCollectionExtensions).GetMethod(nameof(ReportingServiceCollectionExtensions.AddReporting)));
    }

    private static bool IsCompilerGenerated(MethodInfo method) =>
        method.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is not null || method.Name.Contains('<', StringComparison.Ordinal);

    private static string Names(TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);
}
