using Approval.Activities.Contract;

namespace Approval.Activities.Human;

/// <summary>发证: the certificate or licence is issued to the applicant.</summary>
[Activity("Certify", "发证", "Certify", Category = ActivityCategories.Approval,
    Description = "制作并送达证照或决定书。")]
[Outcome(Certify.Issued, "已发证")]
public sealed class Certify : HumanActivity
{
    public const string Issued = "Issued";

    public override string Role { get; set; } = Roles.WindowStaff;
}
