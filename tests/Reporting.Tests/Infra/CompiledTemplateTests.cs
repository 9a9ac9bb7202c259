using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Reporting.Tests.Infra;

/// <summary>Security settings read straight from the compiled ARM JSON of infra/main.bicep and its modules.</summary>
public sealed partial class CompiledTemplateTests(CompiledTemplateTests.MainTemplate main) : IClassFixture<CompiledTemplateTests.MainTemplate>
{
    private readonly ArmTemplate _template = main.Template;

    public sealed class MainTemplate
    {
        internal ArmTemplate Template { get; } = ArmTemplate.Parse(BicepCli.BuildMain().StdOut);
    }

    [Fact]
    public void Storage_account_refuses_shared_keys_and_anonymous_access_and_old_TLS()
    {
        (_, JsonObject storage) = Assert.Single(_template.Resources("Microsoft.Storage/storageAccounts"));
        JsonNode properties = storage["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.True((bool)properties["defaultToOAuthAuthentication"]!);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string)properties["minimumTlsVersion"]!);
    }

    [Fact]
    public void Function_app_is_https_only_with_TLS_1_2_and_FTPS_disabled()
    {
        (_, JsonObject site) = Assert.Single(_template.Resources("Microsoft.Web/sites"));
        JsonNode properties = site["properties"]!;

        Assert.True((bool)properties["httpsOnly"]!);
        Assert.Equal("1.2", (string)properties["siteConfig"]!["minTlsVersion"]!);
        Assert.Equal("1.2", (string)properties["siteConfig"]!["scmMinTlsVersion"]!);
        Assert.Equal("Disabled", (string)properties["siteConfig"]!["ftpsState"]!);
    }

    [Fact]
    public void Function_app_runs_on_Flex_Consumption_with_dotnet_isolated_10()
    {
        (_, JsonObject plan) = Assert.Single(_template.Resources("Microsoft.Web/serverfarms"));
        (_, JsonObject site) = Assert.Single(_template.Resources("Microsoft.Web/sites"));
        JsonNode config = site["properties"]!["functionAppConfig"]!;

        Assert.Equal("FC1", (string)plan["sku"]!["name"]!);
        Assert.Equal("FlexConsumption", (string)plan["sku"]!["tier"]!);
        Assert.Equal("functionapp,linux", (string)site["kind"]!);
        Assert.Equal("dotnet-isolated", (string)config["runtime"]!["name"]!);
        Assert.Equal("10.0", (string)config["runtime"]!["version"]!);
        Assert.Equal("UserAssignedIdentity", (string)config["deployment"]!["storage"]!["authentication"]!["type"]!);
    }

    [Fact]
    public void Host_storage_is_identity_based_and_no_key_or_connection_string_appears_anywhere()
    {
        (_, JsonObject site) = Assert.Single(_template.Resources("Microsoft.Web/sites"));
        string appSettings = (string)site["properties"]!["siteConfig"]!["appSettings"]!;

        Assert.Contains(
            "createObject('AzureWebJobsStorage__accountName', parameters('storageAccountName'), " +
            "'AzureWebJobsStorage__credential', 'managedidentity', " +
            "'AzureWebJobsStorage__clientId', reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName'))",
            appSettings);
        Assert.Contains("'ReportingStorage__credential', 'managedidentity'", appSettings);
        Assert.DoesNotContain("'AzureWebJobsStorage',", appSettings);
        Assert.DoesNotContain("AccountKey", _template.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DefaultEndpointsProtocol", _template.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listConnectionStrings", _template.Text, StringComparison.OrdinalIgnoreCase);
        // The only key read anywhere is the Functions host's blob extension key, for the Event Grid webhook.
        Assert.All(ListKeysCall().Matches(_template.Text), m => Assert.Contains("/host/default", m.Value));
    }

    [Fact]
    public void Smtp_password_reaches_the_app_only_as_a_Key_Vault_reference()
    {
        string smtpSettings = (string)_template.Root["variables"]!["smtpSettings"]!;
        (_, JsonObject site) = Assert.Single(_template.Resources("Microsoft.Web/sites"));
        (_, JsonObject vault) = Assert.Single(_template.Resources("Microsoft.KeyVault/vaults"));

        Assert.Contains("'Reporting__Delivery__Smtp__Password', format('@Microsoft.KeyVault(SecretUri=https://{0}{1}/secrets/{2})'", smtpSettings);
        Assert.NotNull(site["properties"]!["keyVaultReferenceIdentity"]);
        Assert.True((bool)vault["properties"]!["enableRbacAuthorization"]!);
        Assert.True((bool)vault["properties"]!["enablePurgeProtection"]!);
        Assert.True((bool)vault["properties"]!["enableSoftDelete"]!);
    }

    [Fact]
    public void Imap_password_reaches_the_app_only_as_a_Key_Vault_reference_and_the_mailbox_needs_the_authserv_id()
    {
        string imapSettings = (string)_template.Root["variables"]!["imapSettings"]!;

        Assert.Contains("'Reporting__Mailbox__Imap__Password', format('@Microsoft.KeyVault(SecretUri=https://{0}{1}/secrets/{2})'", imapSettings);
        Assert.Contains("variables('imapPasswordSecretName')", imapSettings);
        Assert.Contains("fail('MAILBOX_AUTHSERV_ID is required when IMAP_HOST is set')", imapSettings);
        Assert.DoesNotContain("parameters('imapPassword')", imapSettings);
    }

    [Fact]
    public void Every_department_group_assignment_carries_a_folder_condition()
    {
        List<(JsonObject Template, JsonObject Resource)> groupAssignments = _template
            .Resources("Microsoft.Authorization/roleAssignments")
            .Where(a => (string?)a.Resource["properties"]!["principalType"] == "Group")
            .ToList();

        Assert.Equal(2, groupAssignments.Count); // uploads/ (write) and rejected/ (read), each looped over departments
        Assert.All(groupAssignments, a =>
        {
            JsonNode properties = a.Resource["properties"]!;
            Assert.Equal("[length(parameters('departments'))]", (string)a.Resource["copy"]!["count"]!);
            Assert.Equal("2.0", (string)properties["conditionVersion"]!);

            Match call = ConditionCall().Match((string)properties["condition"]!);
            Assert.True(call.Success, (string)properties["condition"]!);
            Assert.EndsWith("parameters('departments')[copyIndex()].id", call.Groups["arguments"].Value);
            // ARM expression literals double their quotes.
            string condition = ArmTemplate.FunctionBody(a.Template, call.Groups["function"].Value);
            Assert.Contains("@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals ''#CONTAINER#''", condition);
            Assert.Contains("@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith ''#PREFIX#''", condition);
            Assert.Contains("@Request[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:prefix] StringStartsWith ''#PREFIX#''", condition);
            Assert.Contains("format('{0}/', parameters('departmentId'))", condition);
        });
    }

    [Fact]
    public void Event_Grid_system_topic_watches_the_storage_account()
    {
        (_, JsonObject topic) = Assert.Single(_template.Resources("Microsoft.EventGrid/systemTopics"));
        (_, JsonObject subscription) = Assert.Single(_template.Resources("Microsoft.EventGrid/systemTopics/eventSubscriptions"));

        Assert.Equal("Microsoft.Storage.StorageAccounts", (string)topic["properties"]!["topicType"]!);
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", (string)topic["properties"]!["source"]!);
        Assert.Equal("SystemAssigned", (string)topic["identity"]!["type"]!);
        Assert.Equal("WebHook", (string)subscription["properties"]!["destination"]!["endpointType"]!);
    }

    [GeneratedRegex(@"listKeys\([^)]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex ListKeysCall();

    [GeneratedRegex(@"^\[(?<function>\w+\.departmentFolderCondition)\((?<arguments>.*)\)\]$")]
    private static partial Regex ConditionCall();
}
