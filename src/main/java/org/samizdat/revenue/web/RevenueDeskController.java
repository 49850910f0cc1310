package org.samizdat.revenue.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.samizdat.revenue.Frequency;
import org.samizdat.revenue.internal.DonationFilter;
import org.samizdat.revenue.internal.Donations;
import org.samizdat.revenue.internal.Plans;
import org.samizdat.revenue.internal.Reports;
import org.samizdat.shared.web.NotFound;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The newsroom's revenue desk (editors and admins; donor data and its export for admins, see StaffSecurity):
 * the goal and monthly recurring revenue, donations with filters and as CSV, supporters, recurring plans and
 * cancellations, crediting a bank transfer, and test mode's renewal button.
 */
@Controller
@Newsroom
class RevenueDeskController {

    static final String DESK = "/newsroom/revenue";

    private final Reports reports;
    private final Donations donations;
    private final Plans plans;
    private final AuditLog audit;
    private final ZoneId zone;

    RevenueDeskController(Reports reports, Donations donations, Plans plans, AuditLog audit,
            @Value("${samizdat.newsroom.zone:Europe/Riga}") String zone) {
        this.reports = reports;
        this.donations = donations;
        this.plans = plans;
        this.audit = audit;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping(DESK)
    String overview(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, Model model) {
        model.addAttribute("goal", reports.goal());
        model.addAttribute("recurring", reports.monthlyRecurring());
        model.addAttribute("donations", reports.donations(new DonationFilter(null, null, null, null, null, null))
                .stream().limit(20).toList());
        return "revenue/desk/overview";
    }

    @GetMapping(DESK + "/donations")
    String donations(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam Map<String, String> query, Model model) {
        model.addAttribute("filter", query);
        model.addAttribute("donations", reports.donations(filter(query)));
        model.addAttribute("testMode", donations.testModeOn());
        return "revenue/desk/donations";
    }

    @GetMapping(DESK + "/donations.csv")
    ResponseEntity<byte[]> export(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam Map<String, String> query, HttpServletRequest request) {
        String csv = reports.csv(filter(query));
        audit.record(page.who(), AuditAction.DONATIONS_EXPORTED, request.getQueryString());
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", ContentDisposition.attachment().filename("donations.csv").build().toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping(DESK + "/donations/{id}/received")
    String received(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable String id) {
        UUID donation = PaymentPagesController.parse(id).orElseThrow(NotFound::new);
        if (reports.bankReceived(donation)) {
            audit.record(page.who(), AuditAction.BANK_TRANSFER_RECEIVED, donation.toString());
        }
        return "redirect:" + DESK + "/donations?method=bank";
    }

    @GetMapping(DESK + "/supporters")
    String supporters(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam(defaultValue = "0") int offset, Model model) {
        audit.record(page.who(), AuditAction.SUPPORTERS_VIEWED, null);
        model.addAttribute("supporters", reports.supporters(200, Math.max(0, offset)));
        return "revenue/desk/supporters";
    }

    @GetMapping(DESK + "/plans")
    String plans(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, Model model) {
        model.addAttribute("active", reports.plans(List.of("ACTIVE", "PAST_DUE")));
        model.addAttribute("cancelled", reports.plans(List.of("CANCELLED")));
        model.addAttribute("testMode", donations.testModeOn());
        return "revenue/desk/plans";
    }

    @PostMapping(DESK + "/plans/{id}/renew")
    String renew(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable String id,
            HttpServletRequest request) {
        UUID plan = PaymentPagesController.parse(id).orElseThrow(NotFound::new);
        if (donations.renew(plan, request.getLocalPort()) == 404) {
            throw new NotFound();
        }
        return "redirect:" + DESK + "/plans";
    }

    @PostMapping(DESK + "/plans/{id}/cancel")
    String cancel(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable String id) {
        UUID planId = PaymentPagesController.parse(id).orElseThrow(NotFound::new);
        plans.find(planId).ifPresent(plan -> {
            if (plans.cancel(plan, "newsroom")) {
                audit.record(page.who(), AuditAction.RECURRING_CANCELLED, planId.toString());
            }
        });
        return "redirect:" + DESK + "/plans";
    }

    private DonationFilter filter(Map<String, String> q) {
        return new DonationFilter(day(q.get("from"), 0), day(q.get("to"), 1), pick(q.get("status"),
                List.of("PENDING", "PAID", "FAILED", "REFUNDED")),
                Frequency.fromCode(q.get("frequency")).orElse(null),
                pick(q.get("method"), List.of("test", "stripe", "btcpay", "bank")),
                q.get("currency") != null && q.get("currency").matches("[A-Za-z]{3}")
                        ? q.get("currency").toUpperCase(Locale.ROOT) : null);
    }

    private java.time.Instant day(String value, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).plusDays(plusDays).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String pick(String value, List<String> allowed) {
        return value != null && allowed.contains(value) ? value : null;
    }
}
