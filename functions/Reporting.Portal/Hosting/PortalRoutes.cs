using Reporting.Portal.Pages;

namespace Reporting.Portal.Hosting;

/// <summary>
/// Every address of the portal, who may call it, and its handler. Clerk routes never carry a department: it is the
/// signed-in clerk's. Office routes that name a department are refused to clerks before their handler runs.
/// </summary>
public sealed class PortalRoutes
{
    public IReadOnlyList<PortalRoute> All { get; } =
    [
        new("GET", "/", PortalAccess.SignedIn, false, ClerkPages.HomeAsync),
        new("GET", "/signin", PortalAccess.Anonymous, false, SignInPages.ShowAsync),
        new("POST", "/signin", PortalAccess.Anonymous, false, SignInPages.DevelopmentSignInAsync),
        new("POST", "/signout", PortalAccess.SignedIn, false, SignInPages.SignOutAsync),
        new("GET", "/assets/{name}", PortalAccess.Anonymous, false, Assets.ServeAsync),

        new("GET", "/templates/{kind}", PortalAccess.SignedIn, false, ClerkPages.TemplateAsync),
        new("POST", "/uploads", PortalAccess.Clerk, false, ClerkPages.UploadAsync),
        new("GET", "/history", PortalAccess.Clerk, false, ClerkPages.HistoryFragmentAsync),
        new("GET", "/submissions/{key}", PortalAccess.Clerk, false, ClerkPages.SubmissionAsync),
        new("GET", "/submissions/{key}/original", PortalAccess.Clerk, false, ClerkPages.OriginalAsync),
        new("GET", "/submissions/{key}/annotated", PortalAccess.Clerk, false, ClerkPages.AnnotatedAsync),

        new("GET", "/office", PortalAccess.Office, false, OfficePages.StatusAsync),
        new("POST", "/office/reminders", PortalAccess.Office, false, OfficePages.RemindAsync),
        new("GET", "/office/submissions/{department}/{key}", PortalAccess.Office, false, OfficePages.SubmissionAsync),
        new("GET", "/office/submissions/{department}/{key}/original", PortalAccess.Office, false, OfficePages.OriginalAsync),
        new("GET", "/office/submissions/{department}/{key}/annotated", PortalAccess.Office, false, OfficePages.AnnotatedAsync),
        new("POST", "/office/mailbox/{key}/assign", PortalAccess.Office, false, MailboxPages.AssignAsync),
        new("GET", "/office/indicators", PortalAccess.Office, false, OfficePages.IndicatorsAsync),
        new("GET", "/office/briefings", PortalAccess.Office, false, ReviewPages.ListAsync),
        new("GET", "/office/briefings/{period}/{issue}/review", PortalAccess.Office, false, ReviewPages.ReviewAsync),
        new("GET", "/office/briefings/{period}/{issue}/pdf", PortalAccess.Office, false, ReviewPages.PdfAsync),
        new("POST", "/office/briefings/{period}/{issue}/notes", PortalAccess.Office, false, ReviewPages.NotesAsync),
        new("POST", "/office/briefings/{period}/{issue}/render", PortalAccess.Office, false, ReviewPages.RenderAsync),
        new("POST", "/office/briefings/{period}/{issue}/sign", PortalAccess.Office, false, ReviewPages.SignAsync),
        new("POST", "/office/briefings/{period}/{issue}/correct", PortalAccess.Office, false, ReviewPages.CorrectAsync),
        new("POST", "/office/briefings/{period}/{issue}/resend", PortalAccess.Office, false, ReviewPages.ResendAsync),
        new("GET", "/office/briefings/{period}/{issue}", PortalAccess.Office, false, OfficePages.BriefingPdfAsync),

        new("GET", "/api/me", PortalAccess.SignedIn, true, ApiPages.MeAsync),
        new("GET", "/api/submissions", PortalAccess.Clerk, true, ApiPages.SubmissionsAsync),
        new("POST", "/api/uploads", PortalAccess.Clerk, true, ClerkPages.UploadJsonAsync),
        new("GET", "/api/office/status", PortalAccess.Office, true, OfficePages.StatusJsonAsync),
        new("GET", "/api/office/indicators", PortalAccess.Office, true, OfficePages.IndicatorsJsonAsync),
        new("GET", "/api/office/briefings/{period}/{issue}", PortalAccess.Office, true, ReviewPages.IssueJsonAsync),
        new("POST", "/api/office/briefings/{period}/{issue}/sign", PortalAccess.Office, true, ReviewPages.SignJsonAsync),
    ];
}
