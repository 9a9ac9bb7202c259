namespace Reporting.Portal.Identity;

public enum PortalRole
{
    /// <summary>填报人: uploads for their own department and sees only its submissions.</summary>
    Clerk,

    /// <summary>推进办: follows every department and the briefings.</summary>
    Office,
}

/// <summary>Who is signed in, as the portal acts on it.</summary>
public sealed record PortalUser(string Name, PortalRole Role, string? DepartmentId, string? DepartmentName, bool Development)
{
    public bool IsOffice => Role == PortalRole.Office;
}
