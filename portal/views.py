from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader

from .audit import AuditVerb, audit_record


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors: the failure may be in one of them.
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def resend_verification(request: HttpRequest) -> HttpResponse:
    """A new verification e-mail for an address that signed up and is not verified yet.

    The answer is the same whether or not the address has an account (no enumeration), and
    allauth's own rate limit for verification mails applies.
    """
    from allauth.account.models import EmailAddress
    from allauth.core import ratelimit
    from django.contrib import messages
    from django.shortcuts import redirect

    from .forms import ResendVerificationForm

    form = ResendVerificationForm(request.POST or None, initial=request.GET or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        address = (
            EmailAddress.objects.filter(email__iexact=email, verified=False)
            .select_related("user")
            .first()
        )
        if address is not None and ratelimit.consume(request, action="confirm_email", key=email):
            address.send_confirmation(request)
            audit_record(
                actor=None,
                verb=AuditVerb.ACCOUNT_VERIFICATION_RESENT,
                obj=address.user,
                request=request,
            )
        messages.info(
            request,
            "If that address is waiting for verification, a new e-mail is on its way. It can "
            "take a few minutes: look in your spam folder too.",
        )
        return redirect("account_login")
    return render(request, "account/resend_verification.html", {"form": form})
