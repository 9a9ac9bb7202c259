using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reporting.Portal.Identity;

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
    public void Portal_sign_in_defaults_to_the_deployment_tenant_and_cloud_and_configures_no_secret()
    {
        string portalSettings = (string)_template.Root["variables"]!["portalSettings"]!;

        Assert.Contains("'Reporting__Portal__SignIn', 'EntraId'", portalSettings);
        Assert.Contains("'Reporting__Portal__EntraId__TenantId', if(empty(parameters('portalTenantId')), tenant().tenantId,", portalSettings);
        Assert.Contains("'Reporting__Portal__EntraId__Instance', if(empty(parameters('portalInstance')), environment().authentication.loginEndpoint,", portalSettings);
        // Without a client id there is no ClientId setting at all (the sign-in page answers 503).
        Assert.Contains("if(empty(parameters('portalClientId')), createObject(), createObject('Reporting__Portal__EntraId__ClientId',", portalSettings);
        Assert.Contains("format('Reporting__Portal__OfficeGroups__{0}', lambdaVariables('i'))", portalSettings);
        // One REPORTING_DEPARTMENT_GROUPS value: the same parsed list the role assignments loop over.
        Assert.Contains("toObject(variables('departments'), lambda('d', format('Reporting__Portal__DepartmentGroups__{0}', lambdaVariables('d').id)), lambda('d', lambdaVariables('d').groupObjectId))", portalSettings);
        Assert.DoesNotContain("Secret", portalSettings, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Certificate", portalSettings, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Sign_off_is_on_unless_switched_off_and_leaders_without_reviewers_fail_the_deployment()
    {
        JsonObject signOff = _template.Root["variables"]!["signOffSettings"]!.AsObject();
        string requireSignOff = (string)signOff["Reporting__Briefing__RequireSignOff"]!;

        Assert.StartsWith("[if(equals(parameters('requireSignOff'), 'false'), 'false', ", requireSignOff);
        Assert.Contains("fail('REPORTING_REVIEWERS is required while sign-off is required", requireSignOff);
        Assert.EndsWith("'true'))]", requireSignOff);
        Assert.Equal("[variables('portalBaseAddress')]", (string)signOff["Reporting__Delivery__PortalAddress"]!);
        Assert.Equal(["", "true", "false"], _template.Root["parameters"]!["requireSignOff"]!["allowedValues"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public void Portal_redirect_uri_output_is_the_apps_sign_in_callback()
    {
        string redirectUri = (string)_template.Root["outputs"]!["REPORTING_PORTAL_REDIRECT_URI"]!["value"]!;

        Assert.StartsWith($"[format('{{0}}{PortalAuthentication.CallbackPath}', ", redirectUri);
        Assert.Contains("reference('functionApp').outputs.defaultHostName.value", redirectUri);
    }

    [Fact]
    public void Every_parameter_says_what_it_is()
    {
        Assert.All(
            _template.Root["parameters"]!.AsObject(),
            p => Assert.False(string.IsNullOrWhiteSpace((string?)p.Value!["metadata"]?["description"]), $"{p.Key} has no @description"));
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
