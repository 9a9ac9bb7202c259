using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Reporting.Core.Configuration;
using Reporting.Core.Storage;
using Reporting.Portal;
using Reporting.Portal.Identity;

namespace Reporting.Tests.Infra;

/// <summary>
/// What `azd provision` would deploy, evaluated offline by `bicep snapshot` with concrete parameters:
/// per-department loops expanded, names and settings computed.
/// </summary>
public sealed class DeploymentSnapshotTests
{
    private const string RoleAssignment = "Microsoft.Authorization/roleAssignments";

    private readonly DeploymentSnapshot _full = Snapshots.Full;

    [Fact]
    public void Storage_account_accepts_only_Entra_ID_over_TLS_1_2()
    {
        JsonNode properties = _full.Single("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.False((bool)properties["allowCrossTenantReplication"]!);
        Assert.True((bool)properties["defaultToOAuthAuthentication"]!);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string)properties["minimumTlsVersion"]!);
    }

    [Fact]
    public void Containers_and_tables_are_exactly_those_the_app_uses_and_all_private()
    {
        List<JsonObject> containers = _full.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        IEnumerable<string> tables = _full.OfType("Microsoft.Storage/storageAccounts/tableServices/tables").Select(t => LastSegment(t["name"]));

        Assert.Equal(
            Containers.All.Append("app-package").Append("eventgrid-deadletter").Order(),
            containers.Select(c => LastSegment(c["name"])).Order());
        Assert.All(containers, c => Assert.Equal("None", (string)c["properties"]!["publicAccess"]!));
        Assert.Equal(LedgerTables.All.Order(), tables.Order());
    }

    [Fact]
    public void Archive_and_briefings_keep_every_version_and_deletions_are_recoverable()
    {
        JsonNode blobService = _full.Single("Microsoft.Storage/storageAccounts/blobServices")["properties"]!;
        JsonNode rule = Assert.Single(_full.Single("Microsoft.Storage/storageAccounts/managementPolicies")["properties"]!["policy"]!["rules"]!.AsArray())!;
        List<string> expiring = rule["definition"]!["filters"]!["prefixMatch"]!.AsArray().Select(p => (string)p!).ToList();

        Assert.True((bool)blobService["isVersioningEnabled"]!);
        Assert.True((bool)blobService["deleteRetentionPolicy"]!["enabled"]!);
        Assert.True((bool)blobService["containerDeleteRetentionPolicy"]!["enabled"]!);
        Assert.True((int)blobService["deleteRetentionPolicy"]!["days"]! >= 7);
        // Only superseded versions expire, never current blobs, and never in archive/ or briefings/.
        Assert.Equal(["version"], rule["definition"]!["actions"]!.AsObject().Select(a => a.Key));
        Assert.DoesNotContain($"{Containers.Archive}/", expiring);
        Assert.DoesNotContain($"{Containers.Briefings}/", expiring);
        Assert.Contains($"{Containers.Uploads}/", expiring);
    }

    [Fact]
    public void Function_app_is_Flex_Consumption_dotnet_isolated_10_deployed_with_its_identity()
    {
        JsonObject plan = _full.Single("Microsoft.Web/serverfarms");
        JsonObject site = _full.Single("Microsoft.Web/sites");
        JsonNode config = site["properties"]!["functionAppConfig"]!;
        string identityId = (string)_full.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;

        Assert.Equal("FC1", (string)plan["sku"]!["name"]!);
        Assert.Equal("FlexConsumption", (string)plan["sku"]!["tier"]!);
        Assert.Equal((string)plan["id"]!, (string)site["properties"]!["serverFarmId"]!);
        Assert.Equal("dotnet-isolated", (string)config["runtime"]!["name"]!);
        Assert.Equal("10.0", (string)config["runtime"]!["version"]!);
        Assert.Null(config["scaleAndConcurrency"]!["alwaysReady"]); // idle costs no compute
        Assert.Equal("blobContainer", (string)config["deployment"]!["storage"]!["type"]!);
        Assert.EndsWith("'app-package')]", (string)config["deployment"]!["storage"]!["value"]!);
        Assert.Equal(identityId, (string)config["deployment"]!["storage"]!["authentication"]!["userAssignedIdentityResourceId"]!);
        Assert.Equal("UserAssigned", (string)site["identity"]!["type"]!);
        Assert.Equal([identityId], site["identity"]!["userAssignedIdentities"]!.AsObject().Select(i => i.Key));
        Assert.Equal("functions", (string)site["tags"]!["azd-service-name"]!);
        Assert.Equal(Snapshots.EnvironmentName, (string)site["tags"]!["azd-env-name"]!);
    }

    [Fact]
    public void Function_app_is_HTTPS_only_with_TLS_1_2_and_no_FTP_or_publishing_passwords()
    {
        JsonNode properties = _full.Single("Microsoft.Web/sites")["properties"]!;
        List<JsonObject> credentialPolicies = _full.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.True((bool)properties["httpsOnly"]!);
        Assert.Equal("1.2", (string)properties["siteConfig"]!["minTlsVersion"]!);
        Assert.Equal("1.2", (string)properties["siteConfig"]!["scmMinTlsVersion"]!);
        Assert.Equal("Disabled", (string)properties["siteConfig"]!["ftpsState"]!);
        Assert.Equal(["ftp", "scm"], credentialPolicies.Select(p => LastSegment(p["name"])).Order());
        Assert.All(credentialPolicies, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Fact]
    public void Storage_connections_are_identity_based_with_no_connection_string()
    {
        Dictionary<string, string> settings = AppSettings(_full);
        string storageName = (string)_full.Single("Microsoft.Storage/storageAccounts")["name"]!;
        string identityName = (string)_full.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["name"]!;

        Assert.Equal(storageName, settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains($"userAssignedIdentities/{identityName}'", settings["AzureWebJobsStorage__clientId"]);
        Assert.EndsWith(".clientId]", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("managedidentity", settings["ReportingStorage__credential"]);
        Assert.Equal(settings["AzureWebJobsStorage__clientId"], settings["ReportingStorage__clientId"]);
        foreach (string service in new[] { "blob", "queue", "table" })
        {
            Assert.Equal($"[format('https://{{0}}.{service}.{{1}}', '{storageName}', environment().suffixes.storage)]", settings[$"ReportingStorage__{service}ServiceUri"]);
        }

        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        // Flex Consumption rejects these (the runtime is in functionAppConfig; there is no content share).
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", settings.Keys);
        Assert.All(settings.Values, v => Assert.DoesNotContain("AccountKey", v, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Telemetry_goes_to_Application_Insights_with_Entra_authentication_only()
    {
        Dictionary<string, string> settings = AppSettings(_full);
        JsonNode applicationInsights = _full.Single("Microsoft.Insights/components")["properties"]!;
        string workspaceId = (string)_full.Single("Microsoft.OperationalInsights/workspaces")["id"]!;

        Assert.True((bool)applicationInsights["DisableLocalAuth"]!);
        Assert.Equal(workspaceId, (string)applicationInsights["WorkspaceResourceId"]!);
        Assert.Contains(".ConnectionString]", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.StartsWith("[format('ClientId={0};Authorization=AAD'", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public void Smtp_password_is_a_Key_Vault_reference_the_app_identity_may_read_and_nothing_else()
    {
        Dictionary<string, string> settings = AppSettings(_full);
        JsonObject site = _full.Single("Microsoft.Web/sites");
        JsonObject vault = _full.Single("Microsoft.KeyVault/vaults");
        JsonObject secret = Secret(_full, "smtp-password");
        string secretId = (string)secret["id"]!;

        Assert.Equal(
            $"[format('@Microsoft.KeyVault(SecretUri=https://{{0}}{{1}}/secrets/{{2}})', '{vault["name"]}', environment().suffixes.keyvaultDns, 'smtp-password')]",
            settings["Reporting__Delivery__Smtp__Password"]);
        Assert.Equal((string)_full.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!, (string)site["properties"]!["keyVaultReferenceIdentity"]!);
        Assert.Equal($"{vault["name"]}/smtp-password", (string)secret["name"]!);
        Assert.True((bool)vault["properties"]!["enableRbacAuthorization"]!);
        Assert.True((bool)vault["properties"]!["enableSoftDelete"]!);
        Assert.True((bool)vault["properties"]!["enablePurgeProtection"]!);
        JsonObject secretsUser = Assert.Single(_full.OfType(RoleAssignment), a => RoleOf(a) == BuiltInRoles.KeyVaultSecretsUser && ScopeOf(a) == secretId);
        Assert.Equal(secretId, ScopeOf(secretsUser));
        Assert.Equal(
            new[] { secretId, (string)Secret(_full, "imap-password")["id"]! }.Order(),
            _full.OfType(RoleAssignment).Where(a => RoleOf(a) == BuiltInRoles.KeyVaultSecretsUser).Select(ScopeOf).Order());
        Assert.Equal("smtp.pingxiang.gov.cn", settings["Reporting__Delivery__Smtp__Host"]);
        Assert.Equal("465", settings["Reporting__Delivery__Smtp__Port"]);
        Assert.Equal("briefing", settings["Reporting__Delivery__Smtp__UserName"]);
        Assert.Equal("briefing@pingxiang.gov.cn", settings["Reporting__Delivery__From"]);
    }

    [Fact]
    public void Imap_password_is_a_Key_Vault_reference_the_app_identity_may_read_and_the_mailbox_is_configured()
    {
        Dictionary<string, string> settings = AppSettings(_full);
        JsonObject vault = _full.Single("Microsoft.KeyVault/vaults");
        JsonObject secret = Secret(_full, "imap-password");

        Assert.Equal(
            $"[format('@Microsoft.KeyVault(SecretUri=https://{{0}}{{1}}/secrets/{{2}})', '{vault["name"]}', environment().suffixes.keyvaultDns, 'imap-password')]",
            settings["Reporting__Mailbox__Imap__Password"]);
        Assert.Equal("text/plain; IMAP password", (string)secret["properties"]!["contentType"]!);
        JsonObject secretsUser = Assert.Single(_full.OfType(RoleAssignment), a => RoleOf(a) == BuiltInRoles.KeyVaultSecretsUser && ScopeOf(a) == (string)secret["id"]!);
        Assert.Contains($"'{_full.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]}'", (string)secretsUser["properties"]!["principalId"]!, StringComparison.Ordinal);
        Assert.Equal("imap.pingxiang.gov.cn", settings["Reporting__Mailbox__Imap__Host"]);
        Assert.Equal("993", settings["Reporting__Mailbox__Imap__Port"]);
        Assert.Equal("baosong@pingxiang.gov.cn", settings["Reporting__Mailbox__Imap__UserName"]);
        Assert.Equal("mx.pingxiang.gov.cn", settings["Reporting__Mailbox__AuthServId"]);
        Assert.Equal("liu@anyuan.pingxiang.gov.cn;chen@anyuan.pingxiang.gov.cn", settings["Reporting__Mailbox__Senders__anyuan"]);
        Assert.Equal("wang@swj.pingxiang.gov.cn", settings["Reporting__Mailbox__Senders__swj"]);
        Assert.DoesNotContain(settings.Values, v => v.Contains("test-only-imap-password", StringComparison.Ordinal));
    }

    [Fact]
    public void Recipients_and_schedules_become_app_settings_in_order()
    {
        Dictionary<string, string> settings = AppSettings(_full);

        Assert.Equal(
            Snapshots.Recipients,
            settings.Where(s => s.Key.StartsWith("Reporting__Delivery__Recipients__", StringComparison.Ordinal))
                .OrderBy(s => int.Parse(s.Key.Split("__")[^1]))
                .Select(s => s.Value));
        Assert.Equal("anyuan@pingxiang.gov.cn", settings["Reporting__Contacts__anyuan"]);
        Assert.Equal("zhaoshang@pingxiang.gov.cn", settings["Reporting__Contacts__swj"]);
        Assert.Equal("0 30 0 5 * *", settings["BriefingSchedule"]);
        Assert.Equal("0 0 1 * * *", settings["ReminderSchedule"]);
        Assert.Equal("0 */5 * * * *", settings["MailboxSchedule"]);
    }

    [Fact]
    public void Portal_signs_in_with_Entra_ID_without_a_secret_and_maps_office_and_department_groups()
    {
        Dictionary<string, string> settings = AppSettings(_full);

        Assert.Equal("EntraId", settings["Reporting__Portal__SignIn"]);
        Assert.Equal(DeploymentSnapshot.TenantId, settings["Reporting__Portal__EntraId__TenantId"]);
        Assert.Equal(Snapshots.PortalClientId, settings["Reporting__Portal__EntraId__ClientId"]);
        // The cloud's own sign-in endpoint: login.microsoftonline.com, or login.chinacloudapi.cn under 21Vianet.
        Assert.Equal("[environment().authentication.loginEndpoint]", settings["Reporting__Portal__EntraId__Instance"]);
        Assert.Equal(Snapshots.OfficeGroups, Listed(settings, "Reporting__Portal__OfficeGroups__"));
        // The same groups that get the upload folders' role assignments.
        Assert.Equal(
            Snapshots.Departments.Select(d => ($"Reporting__Portal__DepartmentGroups__{d.Id}", d.GroupObjectId)).Order(),
            settings.Where(s => s.Key.StartsWith("Reporting__Portal__DepartmentGroups__", StringComparison.Ordinal)).Select(s => (s.Key, s.Value)).Order());
        // Sign-in only: no client secret or certificate is configured anywhere.
        Assert.Equal(
            ["ClientId", "Instance", "TenantId"],
            settings.Keys.Where(k => k.StartsWith("Reporting__Portal__EntraId__", StringComparison.Ordinal)).Select(k => k.Split("__")[^1]).Order());
    }

    [Fact]
    public void Sign_off_reviewers_county_leaders_and_the_portal_address_become_app_settings()
    {
        Dictionary<string, string> settings = AppSettings(_full);
        string siteName = (string)_full.Single("Microsoft.Web/sites")["name"]!;
        string hostName = ((string)_full.Outputs["AZURE_FUNCTION_APP_HOSTNAME"]!)[1..^1];

        Assert.Equal("true", settings["Reporting__Briefing__RequireSignOff"]);
        Assert.Equal(Snapshots.Reviewers, Listed(settings, "Reporting__Delivery__Reviewers__"));
        Assert.Equal(Snapshots.CountyRecipients, CountyRecipients(settings));
        Assert.Equal(Snapshots.Recipients, Listed(settings, "Reporting__Delivery__Recipients__"));
        Assert.Equal(DefaultPortalAddress(siteName), settings["Reporting__Delivery__PortalAddress"]);
        // What the app registration must list: the real host name and the app's own callback path.
        Assert.Equal(
            $"[format('{{0}}{PortalAuthentication.CallbackPath}', format('https://{{0}}', {hostName}))]",
            (string)_full.Outputs["REPORTING_PORTAL_REDIRECT_URI"]!);
        Assert.Equal(settings["Reporting__Delivery__PortalAddress"], (string)_full.Outputs["REPORTING_PORTAL_ADDRESS"]!);
    }

    [Fact]
    public void App_binds_the_portal_and_sign_off_settings_as_the_template_writes_them()
    {
        // App Service hands app settings to the app as environment variables, where "__" separates sections.
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(AppSettings(_full)
                .Where(s => s.Key.StartsWith($"{ReportingOptions.SectionName}__", StringComparison.Ordinal))
                .Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
            .Build();
        var reporting = new ReportingOptions();
        configuration.GetSection(ReportingOptions.SectionName).Bind(reporting);
        var portal = new PortalOptions();
        configuration.GetSection(PortalOptions.SectionName).Bind(portal);

        Assert.True(reporting.Briefing.RequireSignOff);
        Assert.Equal(Snapshots.Reviewers, reporting.Delivery.Reviewers);
        Assert.Equal(Snapshots.CountyRecipients, reporting.Delivery.CountyRecipients.Select(c => (c.County, c.Address)));
        Assert.Equal(
            Snapshots.Recipients.Select(r => (r, (string?)null)).Concat(Snapshots.CountyRecipients.Select(c => (c.Address, (string?)c.County))),
            reporting.Delivery.Leaders());
        Assert.Equal(PortalSignIn.EntraId, portal.SignIn);
        Assert.Equal(Snapshots.OfficeGroups, portal.OfficeGroups);
        Assert.Equal(Snapshots.Departments.Select(d => d.GroupObjectId), Snapshots.Departments.Select(d => portal.DepartmentGroups[d.Id]));
        Assert.Equal(Snapshots.Departments.Count, portal.DepartmentGroups.Count);
        Assert.True(PortalAuthentication.EntraConfigured(configuration));
    }

    [Fact]
    public void Portal_tenant_sign_in_endpoint_and_address_can_be_set_explicitly()
    {
        const string OtherTenant = "6bcfa0b8-9c7d-4e0a-8f86-cde4708192a3";
        DeploymentSnapshot snapshot = DeploymentSnapshot.Create(Snapshots.MinimalParameters
            .With("portalTenantId", OtherTenant)
            .With("portalInstance", "https://login.chinacloudapi.cn/")
            .With("portalAddress", "https://baosong.pingxiang.gov.cn/"));
        Dictionary<string, string> settings = AppSettings(snapshot);

        Assert.Equal(OtherTenant, settings["Reporting__Portal__EntraId__TenantId"]);
        Assert.Equal("https://login.chinacloudapi.cn/", settings["Reporting__Portal__EntraId__Instance"]);
        Assert.Equal("https://baosong.pingxiang.gov.cn", settings["Reporting__Delivery__PortalAddress"]);
        Assert.Equal("https://baosong.pingxiang.gov.cn" + PortalAuthentication.CallbackPath, (string)snapshot.Outputs["REPORTING_PORTAL_REDIRECT_URI"]!);
    }

    [Fact]
    public void Without_sign_off_the_briefing_goes_to_leaders_unreviewed_and_needs_no_reviewers()
    {
        DeploymentSnapshot snapshot = DeploymentSnapshot.Create(Snapshots.MinimalParameters
            .With("recipients", "mayor@pingxiang.gov.cn")
            .With("countyRecipients", "安源区=quzhang@anyuan.pingxiang.gov.cn")
            .With("requireSignOff", "false"));
        Dictionary<string, string> settings = AppSettings(snapshot);

        Assert.Equal("false", settings["Reporting__Briefing__RequireSignOff"]);
        Assert.Empty(Listed(settings, "Reporting__Delivery__Reviewers__"));
        Assert.Equal([("安源区", "quzhang@anyuan.pingxiang.gov.cn")], CountyRecipients(settings));
    }

    [Fact]
    public void App_identity_holds_exactly_the_roles_it_needs_at_the_narrowest_scope()
    {
        string identityId = (string)_full.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;
        string storageId = (string)_full.Single("Microsoft.Storage/storageAccounts")["id"]!;
        string secretId = (string)Secret(_full, "smtp-password")["id"]!;
        string imapSecretId = (string)Secret(_full, "imap-password")["id"]!;
        string applicationInsightsId = (string)_full.Single("Microsoft.Insights/components")["id"]!;

        IEnumerable<(string Role, string Scope)> roles = _full.OfType(RoleAssignment)
            .Where(a => ((string)a["properties"]!["principalId"]!).Contains($"'{identityId}'", StringComparison.Ordinal))
            .Select(a => (RoleOf(a), ScopeOf(a)));

        Assert.Equal(
            new[]
            {
                (BuiltInRoles.StorageBlobDataOwner, storageId),
                (BuiltInRoles.StorageQueueDataContributor, storageId),
                (BuiltInRoles.StorageTableDataContributor, storageId),
                (BuiltInRoles.KeyVaultSecretsUser, secretId),
                (BuiltInRoles.KeyVaultSecretsUser, imapSecretId),
                (BuiltInRoles.MonitoringMetricsPublisher, applicationInsightsId),
            }.Order(),
            roles.Order());
    }

    [Fact]
    public void Each_department_group_may_touch_blobs_only_under_its_own_folder()
    {
        JsonObject customRole = _full.Single("Microsoft.Authorization/roleDefinitions");
        string[] grantedActions = customRole["properties"]!["permissions"]![0]!["dataActions"]!.AsArray().Select(a => (string)a!).ToArray();
        string uploadsId = ContainerId(_full, Containers.Uploads);
        string rejectedId = ContainerId(_full, Containers.Rejected);

        foreach ((string id, string group) in Snapshots.Departments)
        {
            List<JsonObject> assignments = _full.OfType(RoleAssignment).Where(a => (string?)a["properties"]!["principalId"] == group).ToList();
            Assert.Equal([rejectedId, uploadsId], assignments.Select(ScopeOf).Order());

            JsonObject upload = Assert.Single(assignments, a => ScopeOf(a) == uploadsId);
            Assert.Equal(DeploymentSnapshot.Guid(customRole["id"]), RoleOf(upload));
            AssertFolderCondition(upload, Containers.Uploads, id, grantedActions);

            JsonObject answers = Assert.Single(assignments, a => ScopeOf(a) == rejectedId);
            Assert.Equal(BuiltInRoles.StorageBlobDataReader, RoleOf(answers));
            AssertFolderCondition(answers, Containers.Rejected, id, BuiltInRoles.BlobDataActions[BuiltInRoles.StorageBlobDataReader]);
        }
    }

    [Fact]
    public void Department_upload_role_can_neither_delete_nor_manage_containers()
    {
        JsonObject role = _full.Single("Microsoft.Authorization/roleDefinitions");
        JsonNode permissions = Assert.Single(role["properties"]!["permissions"]!.AsArray())!;
        string resourceGroupId = (string)_full.Single("Microsoft.Resources/resourceGroups")["id"]!;

        Assert.Empty(permissions["actions"]!.AsArray());
        Assert.Equal(
            [
                "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action",
                "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read",
                "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write",
            ],
            permissions["dataActions"]!.AsArray().Select(a => (string)a!).Order());
        Assert.Equal([resourceGroupId], role["properties"]!["assignableScopes"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public void Only_the_app_Event_Grid_and_department_groups_get_roles_and_leaders_get_none()
    {
        string identityId = (string)_full.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;
        string topicId = (string)_full.Single("Microsoft.EventGrid/systemTopics")["id"]!;
        HashSet<string> groups = Snapshots.Departments.Select(d => d.GroupObjectId).ToHashSet();

        Assert.All(_full.OfType(RoleAssignment), a =>
        {
            JsonNode properties = a["properties"]!;
            string principal = (string)properties["principalId"]!;
            switch ((string)properties["principalType"]!)
            {
                case "Group":
                    Assert.Contains(principal, groups);
                    Assert.Equal("2.0", (string)properties["conditionVersion"]!);
                    break;
                case "ServicePrincipal":
                    Assert.True(principal.Contains($"'{identityId}'", StringComparison.Ordinal) || principal.Contains($"'{topicId}'", StringComparison.Ordinal), principal);
                    break;
                default:
                    Assert.Fail($"Unexpected principal type in {a["id"]}: users (leaders included) get no role.");
                    break;
            }
        });
    }

    [Fact]
    public void Event_Grid_may_write_only_to_its_dead_letter_container()
    {
        JsonObject topic = _full.Single("Microsoft.EventGrid/systemTopics");
        JsonObject assignment = Assert.Single(
            _full.OfType(RoleAssignment),
            a => ((string)a["properties"]!["principalId"]!).Contains($"'{topic["id"]}'", StringComparison.Ordinal));

        Assert.Equal("SystemAssigned", (string)topic["identity"]!["type"]!);
        Assert.Equal("Microsoft.Storage.StorageAccounts", (string)topic["properties"]!["topicType"]!);
        Assert.Equal((string)_full.Single("Microsoft.Storage/storageAccounts")["id"]!, (string)topic["properties"]!["source"]!);
        Assert.Equal(BuiltInRoles.StorageBlobDataContributor, RoleOf(assignment));
        Assert.Equal(ContainerId(_full, "eventgrid-deadletter"), ScopeOf(assignment));
    }

    [Fact]
    public void Uploads_subscription_sends_BlobCreated_under_uploads_to_the_blob_extension_webhook()
    {
        JsonObject subscription = _full.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions");
        JsonNode properties = subscription["properties"]!;
        string endpoint = (string)properties["destination"]!["properties"]!["endpointUrl"]!;
        JsonNode deadLetter = properties["deadLetterWithResourceIdentity"]!;

        Assert.StartsWith($"{_full.Single("Microsoft.EventGrid/systemTopics")["name"]}/", (string)subscription["name"]!);
        Assert.Equal("WebHook", (string)properties["destination"]!["endpointType"]!);
        Assert.StartsWith("[format('https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}'", endpoint);
        Assert.Contains("'IngestUpload'", endpoint);
        Assert.Contains($"/sites/{_full.Single("Microsoft.Web/sites")["name"]}/host/default', '2024-11-01').systemKeys.blobs_extension)]", endpoint);
        Assert.Equal(["Microsoft.Storage.BlobCreated"], properties["filter"]!["includedEventTypes"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("/blobServices/default/containers/uploads/", (string)properties["filter"]!["subjectBeginsWith"]!);
        Assert.True((int)properties["retryPolicy"]!["maxDeliveryAttempts"]! > 1);
        Assert.Equal(1440, (int)properties["retryPolicy"]!["eventTimeToLiveInMinutes"]!);
        Assert.Equal("SystemAssigned", (string)deadLetter["identity"]!["type"]!);
        Assert.Equal("eventgrid-deadletter", (string)deadLetter["deadLetterDestination"]!["properties"]!["blobContainerName"]!);
    }

    [Fact]
    public void App_vault_storage_and_topic_log_to_the_workspace()
    {
        Dictionary<string, string> categories = _full.OfType("Microsoft.Insights/diagnosticSettings").ToDictionary(
            d => ((string)d["id"]!).Split("/providers/Microsoft.Insights/")[0].Split("/providers/")[^1],
            d => string.Join(",", d["properties"]!["logs"]!.AsArray().Select(l => (string)l!["category"]!)));

        Assert.Equal("FunctionAppLogs", Assert.Single(categories, c => c.Key.StartsWith("Microsoft.Web/sites/", StringComparison.Ordinal)).Value);
        Assert.Equal("AuditEvent", Assert.Single(categories, c => c.Key.StartsWith("Microsoft.KeyVault/vaults/", StringComparison.Ordinal)).Value);
        Assert.Equal("StorageWrite,StorageDelete", Assert.Single(categories, c => c.Key.EndsWith("/blobServices/default", StringComparison.Ordinal)).Value);
        Assert.Equal("DeliveryFailures", Assert.Single(categories, c => c.Key.StartsWith("Microsoft.EventGrid/systemTopics/", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public void Every_resource_carries_the_azd_environment_tag()
    {
        Assert.All(
            _full.Resources.Where(r => r["location"] is not null),
            r => Assert.Equal(Snapshots.EnvironmentName, (string)r["tags"]!["azd-env-name"]!));
    }

    [Fact]
    public void First_provision_has_no_subscription_no_smtp_no_mailbox_and_no_department_access()
    {
        DeploymentSnapshot minimal = Snapshots.Minimal;
        Dictionary<string, string> settings = AppSettings(minimal);

        // The webhook key does not exist before the first deploy: the postdeploy hook subscribes.
        Assert.Empty(minimal.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
        Assert.Single(minimal.OfType("Microsoft.EventGrid/systemTopics"));
        // Of the delivery settings only the portal's address (links in mails) is there: no leader, reviewer or server.
        Assert.Equal(["Reporting__Delivery__PortalAddress"], settings.Keys.Where(k => k.StartsWith("Reporting__Delivery__", StringComparison.Ordinal)));
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("Reporting__Mailbox__", StringComparison.Ordinal));
        Assert.Equal("0 */5 * * * *", settings["MailboxSchedule"]); // the timer's binding needs its setting even with no mailbox
        Assert.DoesNotContain(minimal.OfType(RoleAssignment), a => RoleOf(a) == BuiltInRoles.KeyVaultSecretsUser);
        Assert.DoesNotContain(minimal.OfType(RoleAssignment), a => (string?)a["properties"]!["principalType"] == "Group");
        Assert.Empty(minimal.OfType("Microsoft.Authorization/roleDefinitions"));
        Assert.Equal("Standard_LRS", (string)minimal.Single("Microsoft.Storage/storageAccounts")["sku"]!["name"]!);
    }

    [Fact]
    public void First_provision_portal_signs_in_to_the_deployment_tenant_and_waits_for_a_client_id()
    {
        DeploymentSnapshot minimal = Snapshots.Minimal;
        Dictionary<string, string> settings = AppSettings(minimal);

        Assert.Equal("EntraId", settings["Reporting__Portal__SignIn"]);
        Assert.Equal(DeploymentSnapshot.TenantId, settings["Reporting__Portal__EntraId__TenantId"]);
        Assert.Equal("[environment().authentication.loginEndpoint]", settings["Reporting__Portal__EntraId__Instance"]);
        // No client id: the sign-in page answers 503 until the app registration exists.
        Assert.DoesNotContain("Reporting__Portal__EntraId__ClientId", settings.Keys);
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("Reporting__Portal__OfficeGroups__", StringComparison.Ordinal));
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("Reporting__Portal__DepartmentGroups__", StringComparison.Ordinal));
        // Sign-off is on by default; with no leader configured it needs no reviewer yet.
        Assert.Equal("true", settings["Reporting__Briefing__RequireSignOff"]);
        Assert.Equal(DefaultPortalAddress((string)minimal.Single("Microsoft.Web/sites")["name"]!), settings["Reporting__Delivery__PortalAddress"]);
    }

    [Fact]
    public void Built_in_contributor_role_for_departments_is_confined_to_the_folder_including_delete()
    {
        DeploymentSnapshot snapshot = DeploymentSnapshot.Create(Snapshots.MinimalParameters
            .With("departmentGroups", $"anyuan={Snapshots.Departments[0].GroupObjectId}")
            .With("departmentUploadRoleId", BuiltInRoles.StorageBlobDataContributor));
        JsonObject upload = Assert.Single(snapshot.OfType(RoleAssignment), a => ScopeOf(a) == ContainerId(snapshot, Containers.Uploads));

        Assert.Empty(snapshot.OfType("Microsoft.Authorization/roleDefinitions"));
        Assert.Equal(BuiltInRoles.StorageBlobDataContributor, RoleOf(upload));
        AssertFolderCondition(upload, Containers.Uploads, "anyuan", BuiltInRoles.BlobDataActions[BuiltInRoles.StorageBlobDataContributor]);
    }

    private static void AssertFolderCondition(JsonObject assignment, string container, string department, IEnumerable<string> grantedActions)
    {
        JsonNode properties = assignment["properties"]!;
        string condition = (string)properties["condition"]!;

        Assert.Equal("Group", (string)properties["principalType"]!);
        Assert.Equal("2.0", (string)properties["conditionVersion"]!);
        Assert.Contains($"@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals '{container}'", condition);
        Assert.Contains($"@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith '{department}/'", condition);
        Assert.Contains($"@Request[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:prefix] StringStartsWith '{department}/'", condition);
        // A data action the condition does not name would be allowed everywhere in the container.
        Assert.All(grantedActions, action => Assert.Contains($"ActionMatches{{'{action}'}}", condition));
        Assert.All(
            Snapshots.Departments.Where(d => d.Id != department),
            other => Assert.DoesNotContain($"'{other.Id}/'", condition));
    }

    private static JsonObject Secret(DeploymentSnapshot snapshot, string name) =>
        Assert.Single(snapshot.OfType("Microsoft.KeyVault/vaults/secrets"), s => LastSegment(s["name"]) == name);

    private static Dictionary<string, string> AppSettings(DeploymentSnapshot snapshot) =>
        snapshot.Single("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => (string)s!["value"]!);

    /// <summary>The values of a list setting (prefix0, prefix1, …) in order.</summary>
    private static List<string> Listed(Dictionary<string, string> settings, string prefix) =>
        settings.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(s => int.Parse(s.Key[prefix.Length..]))
            .Select(s => s.Value)
            .ToList();

    private static List<(string County, string Address)> CountyRecipients(Dictionary<string, string> settings) =>
        Enumerable.Range(0, settings.Count)
            .TakeWhile(i => settings.ContainsKey($"Reporting__Delivery__CountyRecipients__{i}__Address"))
            .Select(i => (settings[$"Reporting__Delivery__CountyRecipients__{i}__County"], settings[$"Reporting__Delivery__CountyRecipients__{i}__Address"]))
            .ToList();

    /// <summary>https:// and the app's default host name: its name under the App Service domain of the cloud deployed to.</summary>
    private static string DefaultPortalAddress(string siteName) =>
        $"[format('https://{{0}}.{{1}}', '{siteName}', if(equals(environment().name, 'AzureChinaCloud'), 'chinacloudsites.cn', " +
        "if(equals(environment().name, 'AzureUSGovernment'), 'azurewebsites.us', 'azurewebsites.net')))]";

    private static string ContainerId(DeploymentSnapshot snapshot, string name) =>
        (string)Assert.Single(snapshot.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"), c => LastSegment(c["name"]) == name)["id"]!;

    private static string RoleOf(JsonObject assignment) => DeploymentSnapshot.Guid(assignment["properties"]!["roleDefinitionId"]);

    private static string ScopeOf(JsonObject assignment) =>
        ((string)assignment["id"]!).Split("/providers/Microsoft.Authorization/roleAssignments/")[0];

    private static string LastSegment(JsonNode? name) => ((string)name!).Split('/')[^1];
}
