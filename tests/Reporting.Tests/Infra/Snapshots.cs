namespace Reporting.Tests.Infra;

/// <summary>Deployments evaluated once per test run and shared by the test classes.</summary>
internal static class Snapshots
{
    public const string EnvironmentName = "reporting-test";

    public static readonly IReadOnlyList<(string Id, string GroupObjectId)> Departments =
    [
        ("anyuan", "0b6f4a52-3c1d-4e7a-9f20-6d8e1a2b3c4d"),
        ("swj", "1c7a5b63-4d2e-4f8b-8a31-7e9f2b3c4d5e"),
        ("xiangdong", "2d8b6c74-5e3f-4a9c-9b42-8fa03c4d5e6f"),
    ];

    public static readonly IReadOnlyList<string> Recipients = ["mayor@pingxiang.gov.cn", "office@pingxiang.gov.cn"];

    public static readonly IReadOnlyList<string> Reviewers = ["shenhe@pingxiang.gov.cn", "zhuren@pingxiang.gov.cn"];

    public static readonly IReadOnlyList<(string County, string Address)> CountyRecipients =
    [
        ("安源区", "quzhang@anyuan.pingxiang.gov.cn"),
        ("湘东区", "quzhang@xiangdong.pingxiang.gov.cn"),
    ];

    public static readonly IReadOnlyList<string> OfficeGroups = ["3e9c7d85-6f4a-4bad-8c53-9ab14d5e6f70", "4fad8e96-7a5b-4cbe-9d64-abc25e6f7081"];

    public const string PortalClientId = "5abe9fa7-8b6c-4dcf-8e75-bcd36f708192";

    /// <summary>Everything configured, after the postdeploy hook has run once.</summary>
    public static readonly Dictionary<string, string> FullParameters = new()
    {
        ["environmentName"] = EnvironmentName,
        ["location"] = DeploymentSnapshot.Location,
        ["recipients"] = string.Join("; ", Recipients),
        ["mailFrom"] = "briefing@pingxiang.gov.cn",
        ["smtpHost"] = "smtp.pingxiang.gov.cn",
        ["smtpPort"] = "465",
        ["smtpUserName"] = "briefing",
        ["smtpPassword"] = "test-only-password",
        ["departmentGroups"] = string.Join(",", Departments.Select(d => $"{d.Id}={d.GroupObjectId}")),
        ["departmentContacts"] = "anyuan=anyuan@pingxiang.gov.cn; swj=zhaoshang@pingxiang.gov.cn",
        ["imapHost"] = "imap.pingxiang.gov.cn",
        ["imapUserName"] = "baosong@pingxiang.gov.cn",
        ["imapPassword"] = "test-only-imap-password",
        ["mailboxAuthServId"] = "mx.pingxiang.gov.cn",
        ["mailboxSenders"] = "anyuan=liu@anyuan.pingxiang.gov.cn, anyuan=chen@anyuan.pingxiang.gov.cn; swj=wang@swj.pingxiang.gov.cn",
        ["reviewers"] = string.Join(", ", Reviewers),
        ["countyRecipients"] = string.Join(";", CountyRecipients.Select(c => $"{c.County}={c.Address}")),
        ["officeGroups"] = string.Join(",", OfficeGroups),
        ["portalClientId"] = PortalClientId,
        ["uploadsEventSubscription"] = "true",
    };

    /// <summary>A first `azd up` with nothing set but what azd always sets.</summary>
    public static readonly Dictionary<string, string> MinimalParameters = new()
    {
        ["environmentName"] = EnvironmentName,
        ["location"] = DeploymentSnapshot.Location,
    };

    private static readonly Lazy<DeploymentSnapshot> s_full = new(() => DeploymentSnapshot.Create(FullParameters));
    private static readonly Lazy<DeploymentSnapshot> s_minimal = new(() => DeploymentSnapshot.Create(MinimalParameters));

    public static DeploymentSnapshot Full => s_full.Value;

    public static DeploymentSnapshot Minimal => s_minimal.Value;

    public static Dictionary<string, string> With(this Dictionary<string, string> parameters, string name, string value) =>
        new(parameters) { [name] = value };

    public static Dictionary<string, string> Without(this Dictionary<string, string> parameters, string name)
    {
        Dictionary<string, string> copy = new(parameters);
        copy.Remove(name);
        return copy;
    }
}

/// <summary>Built-in role definition ids, the same in every tenant.</summary>
internal static class BuiltInRoles
{
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    public const string StorageBlobDataReader = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    /// <summary>The blob data actions of the built-in roles a department may be given.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> BlobDataActions = new Dictionary<string, string[]>
    {
        [StorageBlobDataContributor] =
        [
            "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete",
            "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read",
            "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write",
            "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/move/action",
            "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action",
        ],
        [StorageBlobDataReader] = ["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read"],
    };
}
