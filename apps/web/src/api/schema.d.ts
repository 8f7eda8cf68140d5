/**
 * The Tutti API as the gateway's merged /docs-json describes it. Generated: do not edit; run
 * `npm run api:generate` after changing a route (CI fails while this file is out of date).
 */

export interface paths {
    "/api/instrument-loan/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This service’s own checks (database, queues): 200 when healthy, 503 when not */
        get: operations["instrument-loan.checkHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/instrument-labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A printable A4 sheet of QR labels */
        get: operations["instrument-loan.getInstrumentLabelSheet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/instruments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the stock: text, type, family, size, status, condition, owner school, inspection due */
        get: operations["instrument-loan.listInstruments"];
        put?: never;
        /** Add an instrument to the stock (status available) */
        post: operations["instrument-loan.createInstrument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/instruments/{instrumentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One instrument with its current loan (ETag for editing) */
        get: operations["instrument-loan.getInstrument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit an instrument (If-Match required) */
        patch: operations["instrument-loan.updateInstrument"];
        trace?: never;
    };
    "/api/instrument-loan/instruments/{instrumentId}/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a termly inspection; the next is scheduled with a reminder a week before */
        post: operations["instrument-loan.inspectInstrument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/instruments/{instrumentId}/label.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A printable QR label that opens the instrument’s page */
        get: operations["instrument-loan.getInstrumentLabel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/instruments/{instrumentId}/repairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send an available instrument for repair; it cannot go out until the ticket is closed */
        post: operations["instrument-loan.openRepair"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/instruments/by-tag/{assetTag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The instrument with this asset tag (what a scanned label resolves to) */
        get: operations["instrument-loan.getInstrumentByTag"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/instruments/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import stock from CSV, matched by asset tag: dry run first, then for real; a report per row */
        post: operations["instrument-loan.importInstruments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/loans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Loans the caller may see (a guardian: their own children’s), newest first */
        get: operations["instrument-loan.listLoans"];
        put?: never;
        /** Check an instrument out to a pupil, with the guardian’s agreement; 409 if it is out or in repair */
        post: operations["instrument-loan.checkOutInstrument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/loans/{loanId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One loan */
        get: operations["instrument-loan.getLoan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/loans/{loanId}/problem-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report damage or loss (guardians: their own children’s loans only); a loss ends the loan */
        post: operations["instrument-loan.reportLoanProblem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/loans/{loanId}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The instrument came back: record its condition and free it */
        post: operations["instrument-loan.returnLoan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/loans/{loanId}/review-cleared": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A flagged conditional loan was reviewed and continues */
        post: operations["instrument-loan.clearLoanFlag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/loans/{loanId}/swaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Size upgrade: return this instrument and lend another, in one transaction */
        post: operations["instrument-loan.swapLoan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/outgrown-loans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Children whose instrument on loan is now too small */
        get: operations["instrument-loan.listOutgrownLoans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/pupils/{pupilId}/arm-length": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record a pupil’s arm length, for the instrument size they need */
        put: operations["instrument-loan.recordArmLength"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/pupils/{pupilId}/sizing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recommended string sizes for a child, by arm length where measured, else by age */
        get: operations["instrument-loan.getPupilSizing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/repairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Repair tickets, open first */
        get: operations["instrument-loan.listRepairs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/repairs/{repairId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The repair is done: record its cost and make the instrument available (or retire it if unusable) */
        post: operations["instrument-loan.closeRepair"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/reports/loans-per-pupil": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Loans per pupil (pupils of the caller’s schools), most first; top 500 */
        get: operations["instrument-loan.getLoansPerPupilReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/reports/losses-and-repairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Losses (count, value) and repairs (count, cost) per school term */
        get: operations["instrument-loan.getLossesAndRepairsReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/reports/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock counts by status, by type and size, and by owning school */
        get: operations["instrument-loan.getStockReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/reports/value-on-loan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Purchase value of instruments out on loan now, for insurance (pence) */
        get: operations["instrument-loan.getValueOnLoanReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/schools/{schoolId}/loan-summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Instruments on loan now to a school’s pupils: total, pupils, overdue, by family */
        get: operations["instrument-loan.getSchoolLoanSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instrument-loan/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The area’s instrument-loan settings (ETag for editing) */
        get: operations["instrument-loan.getLoanSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change some of the conditional-loan rule, loan terms version and inspection interval of this area; the others are kept */
        patch: operations["instrument-loan.updateLoanSettings"];
        trace?: never;
    };
    "/api/parent-engagement/admin/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Jobs per state in this service's queues, and your tenant's failed reminders */
        get: operations["parent-engagement.listReminderQueues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/admin/queues.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same, as a page for the browser */
        get: operations["parent-engagement.getReminderQueuesPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/admin/reminders/{reminderId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a failed reminder back on the schedule, due now */
        post: operations["parent-engagement.retryReminder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/announcements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Announcements sent to your family (guardian) or to your schools’ families (staff), newest first */
        get: operations["parent-engagement.listAnnouncements"];
        put?: never;
        /**
         * Email an announcement to the families of a school, a class, an ensemble or a performance (delivery per family: queued, sent, failed)
         * @description Body `{audience: "school", schoolId}`, `{audience: "class", classId}`, `{audience: "ensemble", ensembleId}` or `{audience: "performance", performanceId}`. A class or ensemble reaches the families of the pupils in it now (pupils who have left or moved class are not). A school, class or ensemble of a school not yours is 404; a cross-school ensemble reaches, from staff, its pupils at their own schools (404 if none), from the programme admin, all. A class or ensemble with no family using Tutti yet is 409 (`conflicts` says how many pupils it has), and nothing is sent.
         */
        post: operations["parent-engagement.createAnnouncement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/announcements/{announcementId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One announcement, as you may see it */
        get: operations["parent-engagement.getAnnouncement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/announcements/{announcementId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an announcement sent to your family as read (repeating it is harmless) */
        post: operations["parent-engagement.markAnnouncementRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/announcements/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * See an announcement as a family of a language will get it: your words as written, the frame in their language
         * @description The greeting, your signature line and the links under it come from the family catalogue of that language, with the area’s own wording first and English for what neither has; right to left for Arabic and Urdu. Nothing is sent or stored.
         */
        post: operations["parent-engagement.previewAnnouncement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create your private calendar feed, or replace its secret address (the old one stops working) */
        post: operations["parent-engagement.rotateCalendarFeed"];
        /** Turn your calendar feed off */
        delete: operations["parent-engagement.revokeCalendarFeed"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/calendar/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A family’s calendar (iCalendar): performances, bus pick-ups, family sessions */
        get: operations["parent-engagement.getCalendarFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/engagement-figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Families engaged, first-time, returning, at a performance and on a bus, per school of yours, over a term */
        get: operations["parent-engagement.getEngagementFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/families": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Families of your schools’ pupils (every family for the programme admin) */
        get: operations["parent-engagement.listFamilies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/families/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your family: your children and how Tutti reaches you (ETag for a later If-Match) */
        get: operations["parent-engagement.getMyFamily"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/families/me/contact-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Email, SMS, language and quiet hours; If-Match with the ETag refuses a stale edit (412) */
        put: operations["parent-engagement.updateContactPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/family-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sessions to come (or, with when=past, already over) at your schools (staff) or your children’s schools (guardian) */
        get: operations["parent-engagement.listFamilySessions"];
        put?: never;
        /** Put on a family music session or a workshop at one of your schools */
        post: operations["parent-engagement.createFamilySession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/family-sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One family session or workshop */
        get: operations["parent-engagement.getFamilySession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/family-sessions/{sessionId}/sign-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sign-ups of a session: every family for its school’s staff, your own for a guardian */
        get: operations["parent-engagement.listSignUps"];
        put?: never;
        /** Sign your family up (409 session-full when the places are gone) */
        post: operations["parent-engagement.signUpForFamilySession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This service’s own checks (database, queues): 200 when healthy, 503 when not */
        get: operations["parent-engagement.checkHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/message-overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The area’s own wording of family messages, in one language or all */
        get: operations["parent-engagement.listMessageOverrides"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/message-overrides/{language}/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One family message in one language: the area’s wording, the shipped one and English’s (ETag for an edit) */
        get: operations["parent-engagement.getFamilyMessage"];
        /** Set the area’s wording of a family message in a language (ICU, English’s placeholders); families get it from their next message */
        put: operations["parent-engagement.putMessageOverride"];
        post?: never;
        /** Drop the area’s wording of a family message in a language: the shipped wording (or English’s) applies again */
        delete: operations["parent-engagement.deleteMessageOverride"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/message-overrides/{language}/catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every family message in one language: English, its placeholders, the wording the area’s families get now and where it comes from (override, catalogue, english), the override’s version */
        get: operations["parent-engagement.listFamilyMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/message-overrides/{language}/catalogue.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every family message in one language as CSV for a translator (UTF-8 with a byte order mark): key, english, placeholders, wording (what families get now), source */
        get: operations["parent-engagement.downloadFamilyMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/message-overrides/{language}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload the catalogue CSV back: each row whose wording differs from what families get now becomes the area’s wording, all in one transaction
         * @description An unknown key, a key twice, or wording that is not ICU or whose placeholders differ from English’s refuses the whole file: 400 naming each row as rows[n].key or rows[n].wording, n being the spreadsheet’s row number (the header is row 1). A blank wording changes nothing.
         */
        post: operations["parent-engagement.importMessageOverrides"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/message-overrides/missing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per language (shipped, overridden or chosen by the area’s families): the messages that reach families in English */
        get: operations["parent-engagement.listMissingMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/message-overrides/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A family message in a language as a family of the area would get it (subject, text, HTML), with sample facts and perhaps a draft wording */
        post: operations["parent-engagement.previewFamilyMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/message-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where families’ replies to the area’s emails go (ETag for an edit) */
        get: operations["parent-engagement.getMessageSettings"];
        /** Set the programme office address every family email gives as Reply-To (null for none) */
        put: operations["parent-engagement.updateMessageSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/message-settings/schools/{schoolId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where families’ replies to emails about this school’s children go (ETag for an edit); null: the area’s office */
        get: operations["parent-engagement.getSchoolMessageSettings"];
        /** Set the school office address a family’s email about this school’s child gives as Reply-To (null: the area’s) */
        put: operations["parent-engagement.updateSchoolMessageSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/performances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Upcoming performances families can RSVP to and travel to, soonest first */
        get: operations["parent-engagement.listPerformances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/performances/{performanceId}/missing-photo-consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Children of your schools coming to a performance (bus bookings, RSVPs) with no photo/film consent recorded */
        get: operations["parent-engagement.listMissingPhotoConsents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/performances/{performanceId}/rsvp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your family’s answer for a performance, with its ETag */
        get: operations["parent-engagement.getMyRsvp"];
        /** Your family’s answer for a performance (one per family; repeating a PUT is harmless; If-Match refuses a stale edit with 412) */
        put: operations["parent-engagement.putRsvp"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/performances/{performanceId}/rsvp-summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many are coming and how many came, over your schools’ families */
        get: operations["parent-engagement.getRsvpSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/pupils/{pupilId}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pupil’s consents now, one per kind (state missing when nobody has answered) */
        get: operations["parent-engagement.getPupilConsents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/pupils/{pupilId}/consents/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Give, refuse or withdraw a consent for your child (each change is kept in the history) */
        put: operations["parent-engagement.recordConsent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/pupils/{pupilId}/consents/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every decision on a pupil’s consents, newest first, with who made it and why */
        get: operations["parent-engagement.listConsentHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/rsvps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your family’s RSVPs (guardian) or your schools’ families’ (staff) */
        get: operations["parent-engagement.listRsvps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/rsvps/{rsvpId}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** On the day: record that a family came, and how many */
        post: operations["parent-engagement.checkInRsvp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/session-sign-ups/{signUpId}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record whether a signed-up family came */
        post: operations["parent-engagement.recordSignUpAttendance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/session-sign-ups/{signUpId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a sign-up; its places go back to the session */
        post: operations["parent-engagement.cancelSignUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/transport-bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your family’s bookings (guardian) or your schools’ families’ bookings (staff) */
        get: operations["parent-engagement.listTransportBookings"];
        put?: never;
        /** Book seats for your family at a stop; a full bus puts the booking on the waiting list (status waitlisted) */
        post: operations["parent-engagement.createTransportBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/transport-bookings/{bookingId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One booking of your family (staff: of the schools they may see) */
        get: operations["parent-engagement.getTransportBooking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your booking: another stop of the same bus, or the number of adults or other children (more seats only while seats are free) */
        patch: operations["parent-engagement.changeTransportBooking"];
        trace?: never;
    };
    "/api/parent-engagement/transport-bookings/{bookingId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a seat offered from the waiting list, before it expires */
        post: operations["parent-engagement.acceptTransportBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/transport-bookings/{bookingId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a booking; its seats are offered to the waiting list */
        post: operations["parent-engagement.cancelTransportBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/transport-bookings/{bookingId}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** On the day: mark a family as on the bus (present: false undoes it) */
        post: operations["parent-engagement.checkInTransportBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/transport-bookings/{bookingId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a seat offered from the waiting list; it passes to the next family */
        post: operations["parent-engagement.declineTransportBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/transport-drivers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The drivers cleared to drive children on the day a bus leaves (DBS check and training valid), by name */
        get: operations["parent-engagement.listClearedDrivers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/transport-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Buses, soonest first, optionally of one performance */
        get: operations["parent-engagement.listTransportRuns"];
        put?: never;
        /** Put on a free bus to a performance, with its pick-up stops */
        post: operations["parent-engagement.createTransportRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parent-engagement/transport-runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One bus run with its stops and free seats */
        get: operations["parent-engagement.getTransportRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct a bus: vehicle and operator, driver, seats, departure times, cut-off, its stops’ names, places and pick-up times (families booked are told of a new time or stop; the edit is audited) */
        patch: operations["parent-engagement.updateTransportRun"];
        trace?: never;
    };
    "/api/parent-engagement/transport-runs/{runId}/manifest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The driver’s manifest of a bus (or one stop): CSV, a print-friendly HTML page, or a PDF with check-in boxes */
        get: operations["parent-engagement.getTransportRunManifest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/evaluation/participation.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pseudonymised participation: one row per pupil per completed performance they performed in, between two dates */
        get: operations["performance-event.exportParticipationCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/fairness/schools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per school: pupils, how many have performed, how many not yet (this academic year or term) */
        get: operations["performance-event.listSchoolFairness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/fairness/schools/{schoolId}/pupils": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A school’s pupils with their performances and featured turns, fewest first */
        get: operations["performance-event.listPupilFairness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This service’s own checks (database, queues): 200 when healthy, 503 when not */
        get: operations["performance-event.checkHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/performances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Performances the caller may see, soonest first (a guardian: those their children perform in) */
        get: operations["performance-event.listPerformances"];
        put?: never;
        /** Plan a performance (as a draft) */
        post: operations["performance-event.createPerformance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/performances/{performanceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One performance (ETag for editing and moving) */
        get: operations["performance-event.getPerformance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit title, audience, dress, ensembles, professionals (If-Match required) */
        patch: operations["performance-event.updatePerformance"];
        trace?: never;
    };
    "/api/performance-event/performances/{performanceId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel: families are told if it was published */
        post: operations["performance-event.cancelPerformance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/performances/{performanceId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a performance that has taken place as completed */
        post: operations["performance-event.completePerformance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/performances/{performanceId}/consent-audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which children the programme, run sheet and public listing show, checked against their current consents, mismatches flagged (a headteacher: their own school’s children) */
        get: operations["performance-event.getConsentAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/performances/{performanceId}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move to a new time (and venue); families are told if it was published (If-Match required) */
        post: operations["performance-event.movePerformance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/performances/{performanceId}/programme.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audience’s programme, print-ready (children named only with consent to perform in public) */
        get: operations["performance-event.getProgrammeHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/performances/{performanceId}/programme.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audience’s programme as a PDF (children named only with consent to perform in public) */
        get: operations["performance-event.getProgrammePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/performances/{performanceId}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a draft: families are told */
        post: operations["performance-event.publishPerformance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/performances/{performanceId}/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Performers with consents and chances this year (staff: their schools’ pupils; a guardian: their own children) */
        get: operations["performance-event.getRoster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/performances/{performanceId}/roster/build": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fill the roster from the members of the ensembles taking part (keeps additions and removals) */
        post: operations["performance-event.buildRoster"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/performances/{performanceId}/roster/performers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add one pupil to the roster (idempotent) */
        post: operations["performance-event.addPerformer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/performances/{performanceId}/roster/performers/{pupilId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take one pupil off the roster (stays off when the roster is rebuilt) */
        delete: operations["performance-event.removePerformer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/performances/{performanceId}/roster/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pupils of the schools taking part not on the roster, fewest chances this year first */
        get: operations["performance-event.suggestPerformers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/performances/{performanceId}/run-sheet.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The staff run sheet for the day, print-ready, flagging pupils without photo/film consent */
        get: operations["performance-event.getRunSheetHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/performances/{performanceId}/run-sheet.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The staff run sheet for the day as a PDF, flagging pupils without photo/film consent */
        get: operations["performance-event.getRunSheetPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/performances/{performanceId}/running-order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The running order, its length and the slot (ETag for replacing) */
        get: operations["performance-event.getRunningOrder"];
        /** Replace the running order (add, edit, remove, reorder); 409 when longer than the slot (If-Match required) */
        put: operations["performance-event.replaceRunningOrder"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/public/areas/{areaId}/performances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Upcoming published public performances of an area, soonest first */
        get: operations["performance-event.listPublicPerformances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/public/areas/{areaId}/performances.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The area’s public performances as an iCalendar (RFC 5545) feed to subscribe to */
        get: operations["performance-event.getPublicCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/venues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The area’s venues and the halls of your schools (every school’s for the programme admin), by name */
        get: operations["performance-event.listVenues"];
        put?: never;
        /** Add a venue (a headteacher: their own school’s hall) */
        post: operations["performance-event.createVenue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/performance-event/venues/{venueId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One venue, as the list shows them: another school’s hall is 404 (ETag for editing) */
        get: operations["performance-event.getVenue"];
        put?: never;
        post?: never;
        /** Remove a venue no performance uses (If-Match required) */
        delete: operations["performance-event.removeVenue"];
        options?: never;
        head?: never;
        /** Edit a venue (If-Match required) */
        patch: operations["performance-event.updateVenue"];
        trace?: never;
    };
    "/api/scheduling/attendance-summaries/schools/{schoolId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A school’s pupils’ register marks per week of the period, and the share present or late */
        get: operations["scheduling.getSchoolAttendanceSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/classes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The classes of the schools you may see */
        get: operations["scheduling.listClasses"];
        put?: never;
        /** Add a class to a school */
        post: operations["scheduling.createClass"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/classes/{classId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One class (ETag for editing) */
        get: operations["scheduling.getClass"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a class (If-Match required) */
        patch: operations["scheduling.updateClass"];
        trace?: never;
    };
    "/api/scheduling/comparison-schools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The area’s comparison schools, by name */
        get: operations["scheduling.listComparisonSchools"];
        put?: never;
        /** Record a school outside the programme, with aggregates of its cohort, for the evaluation to compare with */
        post: operations["scheduling.createComparisonSchool"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/comparison-schools/{comparisonSchoolId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One comparison school (ETag for editing) */
        get: operations["scheduling.getComparisonSchool"];
        put?: never;
        post?: never;
        /** Remove a comparison school */
        delete: operations["scheduling.deleteComparisonSchool"];
        options?: never;
        head?: never;
        /** Edit a comparison school (If-Match required) */
        patch: operations["scheduling.updateComparisonSchool"];
        trace?: never;
    };
    "/api/scheduling/ensembles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ensembles you may see */
        get: operations["scheduling.listEnsembles"];
        put?: never;
        /** Create an ensemble in a school */
        post: operations["scheduling.createEnsemble"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/ensembles/{ensembleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One ensemble (ETag for editing) */
        get: operations["scheduling.getEnsemble"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an ensemble’s name, level or kind (If-Match required) */
        patch: operations["scheduling.updateEnsemble"];
        trace?: never;
    };
    "/api/scheduling/ensembles/{ensembleId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An ensemble’s current members, pupils and staff */
        get: operations["scheduling.listEnsembleMembers"];
        put?: never;
        /** Add a pupil or a member of staff to an ensemble */
        post: operations["scheduling.addEnsembleMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/ensembles/{ensembleId}/members/{memberId}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a member out of an ensemble from a date */
        post: operations["scheduling.endEnsembleMembership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/evaluation/provision.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pseudonymised provision of a term, one row per pupil on roll: minutes per strand, weekly average against the target, attendance */
        get: operations["scheduling.exportProvisionCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/evaluation/schools.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Programme schools beside comparison schools, one row per school: cohort size and per cent FSM, SEND and EAL (programme schools counted from the roll for the year, small cells suppressed; comparison schools as recorded) */
        get: operations["scheduling.exportSchoolsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/exam-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Exam entries of the pupils you may see */
        get: operations["scheduling.listExamEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/exam-entries/{entryId}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Record or correct the result; If-Match names the version of the entry read (from the list or the pupil’s progression) */
        patch: operations["scheduling.recordExamResult"];
        trace?: never;
    };
    "/api/scheduling/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This service’s own checks (database, queues): 200 when healthy, 503 when not */
        get: operations["scheduling.checkHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/holidays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The area’s holidays and INSET days */
        get: operations["scheduling.listHolidays"];
        put?: never;
        /** Add a holiday or INSET day */
        post: operations["scheduling.createHoliday"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/holidays/bank-holiday-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import bank holidays from gov.uk’s JSON format */
        post: operations["scheduling.importBankHolidays"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Roster imports, newest first */
        get: operations["scheduling.listImports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/imports/{importId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One roster import with its progress and report */
        get: operations["scheduling.getImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/imports/pupils": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a school’s pupils from an MIS CSV export (dry run or apply) */
        post: operations["scheduling.importPupils"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/lesson-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The joint lesson plans you may see */
        get: operations["scheduling.listLessonPlans"];
        put?: never;
        /** Write a joint lesson plan for a class teacher and a tutor */
        post: operations["scheduling.createLessonPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/lesson-plans/{planId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One lesson plan (ETag for editing) */
        get: operations["scheduling.getLessonPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a lesson plan (If-Match required) */
        patch: operations["scheduling.updateLessonPlan"];
        trace?: never;
    };
    "/api/scheduling/me/occurrences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own teaching occurrences in a date range */
        get: operations["scheduling.listMyOccurrences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/occurrences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dated occurrences of sessions, filtered by session, school or dates */
        get: operations["scheduling.listOccurrences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/occurrences/{occurrenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One occurrence (ETag for editing) */
        get: operations["scheduling.getOccurrence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/occurrences/{occurrenceId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel one occurrence */
        post: operations["scheduling.cancelOccurrence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/occurrences/{occurrenceId}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move one occurrence to another time or room */
        post: operations["scheduling.moveOccurrence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/occurrences/{occurrenceId}/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An occurrence’s register: who is expected and the marks so far */
        get: operations["scheduling.getRegister"];
        put?: never;
        /** Submit register marks (safe to resend: marks carry their own ids) */
        post: operations["scheduling.submitRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/occurrences/{occurrenceId}/rehearsal-note": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An occurrence’s rehearsal note (ETag for editing) */
        get: operations["scheduling.getRehearsalNote"];
        /** Write the session’s rehearsal note: the first one without If-Match, every change with the ETag of the note as read */
        put: operations["scheduling.putRehearsalNote"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/occurrences/{occurrenceId}/tutors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the tutors of one session; If-Match names the version of the session read; a tutor booked elsewhere then is a 409 */
        put: operations["scheduling.assignOccurrenceTutors"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/provision/schools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Provision intensity (minutes per pupil) of every school you may see */
        get: operations["scheduling.listSchoolProvision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/provision/schools/{schoolId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Provision intensity of one school, by class and ensemble */
        get: operations["scheduling.getSchoolProvision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/pupils": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pupils you may see, filtered by school, class or name */
        get: operations["scheduling.listPupils"];
        put?: never;
        /** Enrol a pupil in a school and class */
        post: operations["scheduling.createPupil"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/pupils/{pupilId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One pupil (ETag for editing; the read is audit-logged) */
        get: operations["scheduling.getPupil"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a pupil’s details (If-Match required) */
        patch: operations["scheduling.updatePupil"];
        trace?: never;
    };
    "/api/scheduling/pupils/{pupilId}/characteristics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pupil’s characteristics (FSM / pupil premium, SEND, EAL, gender, ethnicity group): programme admin and the pupil’s headteacher only; audited */
        get: operations["scheduling.getCharacteristic"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Record a pupil’s characteristics; each one given replaces what is recorded */
        patch: operations["scheduling.updateCharacteristic"];
        trace?: never;
    };
    "/api/scheduling/pupils/{pupilId}/exam-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enter a pupil for a graded exam */
        post: operations["scheduling.enterExam"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/pupils/{pupilId}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that a pupil has left the programme */
        post: operations["scheduling.leavePupil"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/pupils/{pupilId}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a pupil to another class or school */
        post: operations["scheduling.movePupil"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/pupils/{pupilId}/progression": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pupil’s progression: levels and exams */
        get: operations["scheduling.getPupilProgression"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/reports/annual-return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The area’s annual data return for funders: each figure with how it is computed, counts of 1 to 4 suppressed */
        get: operations["scheduling.figuresAnnualReturn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/reports/annual-return.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The annual data return as CSV (UTF-8 with a byte order mark), the same figures and suppression as the page */
        get: operations["scheduling.csvAnnualReturn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/reports/annual-return.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The annual data return as an Excel workbook, the same figures and suppression as the page */
        get: operations["scheduling.xlsxAnnualReturn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/reports/annual-return/figures/{figureId}/pupils": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pseudonymised pupils behind a figure of the annual return, or one cell of it: the same computation and suppression (a suppressed count lists nobody); audited */
        get: operations["scheduling.listAnnualReturnFigurePupils"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/reports/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Year 6 pupils who left primary school in the academic year: how many attended Tutti one term and one year on, by destination school and characteristics, suppressed */
        get: operations["scheduling.transitionAnnualReturn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/reports/transition/figures/{figureId}/pupils": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pseudonymised Year 6 leavers behind a figure of the transition report, or one cell of it: the same computation and suppression (a suppressed count lists nobody); audited */
        get: operations["scheduling.listTransitionFigurePupils"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/rooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rooms of the schools you may see */
        get: operations["scheduling.listRooms"];
        put?: never;
        /** Add a room to a school */
        post: operations["scheduling.createRoom"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/rooms/{roomId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One room (ETag for editing) */
        get: operations["scheduling.getRoom"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a room (If-Match required) */
        patch: operations["scheduling.updateRoom"];
        trace?: never;
    };
    "/api/scheduling/safeguarding/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff rostered with children whose DBS check or safeguarding training is missing, expired or runs out within 30 days */
        get: operations["scheduling.listSafeguardingAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/safeguarding/staff/{staffId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member of staff’s safeguarding status (the DBS certificate and training for programme admins only; ETag for editing) */
        get: operations["scheduling.getSafeguardingRecord"];
        /** Record a member of staff’s DBS check and safeguarding training (If-Match required; "0" for the first record) */
        put: operations["scheduling.putSafeguardingRecord"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/schools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The schools you may see, by name */
        get: operations["scheduling.listSchools"];
        put?: never;
        /** Add a school to the area */
        post: operations["scheduling.createSchool"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/schools/{schoolId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One school (ETag for editing) */
        get: operations["scheduling.getSchool"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a school (If-Match required) */
        patch: operations["scheduling.updateSchool"];
        trace?: never;
    };
    "/api/scheduling/schools/{schoolId}/incoming-pupils": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A partner secondary school’s incoming pupils who are still in the programme
         * @description The alumni (pupils who left primary school at the roll-over) whose destination school is this partner secondary school and who are still in the programme: a member now of at least one ensemble (a membership with no leaving date). Name, the year they left, their ensembles and instrument; never their characteristics. For the school’s own staff and headteacher and for the programme admin (404 for any other school); a school that is not a partner secondary school lists none. Every pupil shown is an audited read.
         */
        get: operations["scheduling.listIncomingPupils"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/schools/{schoolId}/roll-overs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a school’s pupils up a year group at the start of a school year */
        post: operations["scheduling.rollOverSchool"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The planned sessions you may see */
        get: operations["scheduling.listSessions"];
        put?: never;
        /** Plan a session (once or weekly) for an ensemble; clashes are refused with 409 */
        post: operations["scheduling.createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One planned session */
        get: operations["scheduling.getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff and tutors of the schools you may see */
        get: operations["scheduling.listStaff"];
        put?: never;
        /** Add a member of staff or a tutor */
        post: operations["scheduling.createStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/staff/{staffId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One member of staff (ETag for editing) */
        get: operations["scheduling.getStaff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a member of staff (If-Match required) */
        patch: operations["scheduling.updateStaff"];
        trace?: never;
    };
    "/api/scheduling/staff/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own staff record */
        get: operations["scheduling.getMyStaffRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/terms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The area’s terms, by start date */
        get: operations["scheduling.listTerms"];
        put?: never;
        /** Add a term */
        post: operations["scheduling.createTerm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/terms/{termId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One term */
        get: operations["scheduling.getTerm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Programme areas, by name, for the sign-in page */
        get: operations["gateway.listAreas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who read or changed which staff-, family- or pupil-level record, newest first */
        get: operations["gateway.listAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation: choose a password, activate the account, and be signed in */
        post: operations["gateway.acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a password-reset link by mail (the same answer whether or not the account exists) */
        post: operations["gateway.requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password-reset/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Choose a new password with the link from the mail; signs the account out everywhere */
        post: operations["gateway.completePasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for new tokens (the old refresh token stops working) */
        post: operations["gateway.refreshSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password; answers an access token and a refresh token */
        post: operations["gateway.signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this sign-in: its refresh tokens stop working, and its access tokens within 30 seconds */
        post: operations["gateway.signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The gateway’s own checks and every service’s /health, asked in parallel */
        get: operations["gateway.checkGatewayHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/identity/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts of the area, by email address */
        get: operations["gateway.listAccounts"];
        put?: never;
        /** Invite a person: the account is created as invited and a single-use link to choose a password is mailed */
        post: operations["gateway.inviteAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/identity/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account with its grants and guardian links (ETag for If-Match) */
        get: operations["gateway.getAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change display name, mobile or language, or disable / enable the account */
        patch: operations["gateway.updateAccount"];
        trace?: never;
    };
    "/identity/accounts/{id}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant a role (school-scoped roles: one grant per school given) */
        post: operations["gateway.grantRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/identity/accounts/{id}/grants/{grantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a grant; it stops working everywhere within a minute */
        delete: operations["gateway.revokeGrant"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/identity/accounts/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the invitation again with a new link (the earlier link stops working) */
        post: operations["gateway.resendInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/identity/data-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Exports, erasures and retention runs, newest first (a guardian’s own only) */
        get: operations["gateway.listDataRequests"];
        put?: never;
        /** Ask every service for everything it holds about a pupil or a guardian (export), or to erase them (erasure); a guardian may ask only for an export of their own child */
        post: operations["gateway.openDataRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/identity/data-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One request with its progress (parts in of 5, which are missing) and, when done, its report */
        get: operations["gateway.getDataRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/identity/data-requests/{id}/export.zip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A finished export as a ZIP: one JSON file per service and request.json */
        get: operations["gateway.downloadDataExportZip"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/identity/data-requests/{id}/summary.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A finished export’s readable summary (PDF) */
        get: operations["gateway.downloadDataExportPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/identity/guardian-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Guardian links of the caller’s schools (all of the area for a programme admin) */
        get: operations["gateway.listGuardianLinks"];
        put?: never;
        /** Link a guardian’s account to a pupil (the account gains the guardian role) */
        post: operations["gateway.createGuardianLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/identity/guardian-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a guardian link; the guardian loses sight of that pupil within a minute */
        delete: operations["gateway.removeGuardianLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/identity/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who am I: roles with their schools, children (as a guardian), the role acted in now */
        get: operations["gateway.getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/identity/retention-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply the retention schedule now in every service (dryRun: only count what it would anonymise or delete) */
        post: operations["gateway.runRetention"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/identity/retention-schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How long the area keeps what it no longer needs (ETag for If-Match) */
        get: operations["gateway.getRetentionSchedule"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change lines of the area’s retention schedule */
        patch: operations["gateway.updateRetentionSchedule"];
        trace?: never;
    };
    "/identity/tenant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The settings of the caller’s programme area (ETag for If-Match) */
        get: operations["gateway.getAreaSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the area’s time zone, provision target, family languages or transport seat limit */
        patch: operations["gateway.updateAreaSettings"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptInvitationDto: {
            /**
             * Format: password
             * @description At least 10 characters; a few unrelated words make a good one. Common passwords are refused.
             */
            password: string;
            /** @description The token from the invitation link (…/accept-invitation?token=…) */
            token: string;
        };
        AccountDetailDto: {
            /** Format: date-time */
            createdAt: string;
            displayName: string;
            email: string;
            grants: components["schemas"]["AccountGrantDto"][];
            guardianLinks: components["schemas"]["GuardianLinkDto"][];
            /** Format: uuid */
            id: string;
            mobile: string | null;
            /** @example en */
            preferredLanguage: string;
            /** @enum {string} */
            status: "invited" | "active" | "disabled";
            /** Format: date-time */
            updatedAt: string;
        };
        AccountDto: {
            /** Format: date-time */
            createdAt: string;
            displayName: string;
            email: string;
            grants: components["schemas"]["AccountGrantDto"][];
            /** Format: uuid */
            id: string;
            mobile: string | null;
            /** @example en */
            preferredLanguage: string;
            /** @enum {string} */
            status: "invited" | "active" | "disabled";
            /** Format: date-time */
            updatedAt: string;
        };
        AccountGrantDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "programme_admin" | "headteacher" | "tutor" | "school_staff" | "guardian" | "evaluator";
            /** Format: uuid */
            schoolId: string | null;
        };
        AccountPageDto: {
            items: components["schemas"]["AccountDto"][];
            nextCursor: string | null;
        };
        AreaDto: {
            /** Format: uuid */
            id: string;
            /** @example In Harmony Liverpool */
            name: string;
            /** @example liverpool */
            slug: string;
        };
        AreaPageDto: {
            items: components["schemas"]["AreaDto"][];
            nextCursor: string | null;
        };
        AreaSummaryDto: {
            /** Format: uuid */
            id: string;
            /** @example In Harmony Liverpool */
            name: string;
            /** @example liverpool */
            slug: string;
            /** @example Europe/London */
            timeZone: string;
        };
        AuditEntryDto: {
            /** @example read */
            action: string;
            /** Format: uuid */
            actorId: string | null;
            /** @example programme_admin */
            actorRole: string | null;
            detail: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            ip: string | null;
            /** Format: date-time */
            occurredAt: string;
            requestId: string | null;
            /** @example gateway */
            service: string;
            /** Format: uuid */
            subjectId: string | null;
            /** @example account */
            subjectType: string;
        };
        AuditEntryPageDto: {
            items: components["schemas"]["AuditEntryDto"][];
            nextCursor: string | null;
        };
        CompletePasswordResetDto: {
            /** Format: password */
            password: string;
            /** @description The token from the password-reset link (…/reset-password?token=…) */
            token: string;
        };
        CreateGuardianLinkDto: {
            /**
             * Format: uuid
             * @description The guardian’s account
             */
            accountId: string;
            /** @description May book free transport seats for this pupil */
            canBookTransport: boolean;
            /** @description May give consents for this pupil */
            canGiveConsent: boolean;
            /**
             * Format: uuid
             * @description The pupil (a record in scheduling)
             */
            pupilId: string;
            /** @enum {string} */
            relationship: "parent" | "step_parent" | "grandparent" | "carer" | "foster_carer" | "other_relative" | "other";
            /**
             * Format: uuid
             * @description The pupil’s school
             */
            schoolId: string;
        };
        DataRequestActionDto: {
            /** @enum {string} */
            action: "anonymised" | "deleted" | "kept";
            reason: string | null;
            rows: number;
            /** @example attendance marks */
            what: string;
        };
        DataRequestDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "export" | "erasure" | "retention";
            /** @description What each service answered so far */
            parts: components["schemas"]["DataRequestServicePartDto"][];
            /** @description A finished export’s readable summary */
            pdfUrl: string | null;
            progress: components["schemas"]["DataRequestProgressDto"];
            /**
             * @description What an erasure writes in place of the name
             * @example Pupil 7F3A
             */
            pseudonym: string | null;
            /**
             * Format: uuid
             * @description Null for the daily scheduled run
             */
            requestedBy: string | null;
            retentionRun: components["schemas"]["RetentionRunSettingsDto"] | null;
            /** @enum {string} */
            state: "collecting" | "done";
            /** @description Null for a retention run */
            subject: components["schemas"]["DataSubjectDto"] | null;
            /** @description A finished export’s ZIP of JSON */
            zipUrl: string | null;
        };
        DataRequestPageDto: {
            items: components["schemas"]["DataRequestDto"][];
            nextCursor: string | null;
        };
        DataRequestProgressDto: {
            /**
             * @example [
             *       "gateway",
             *       "scheduling",
             *       "parent-engagement"
             *     ]
             */
            answered: string[];
            /**
             * @example [
             *       "instrument-loan",
             *       "performance-event"
             *     ]
             */
            missing: string[];
            /** @example 5 */
            of: number;
            /**
             * @description Parts in so far (the gateway’s own is in from the start)
             * @example 3
             */
            received: number;
        };
        DataRequestServicePartDto: {
            actions: components["schemas"]["DataRequestActionDto"][];
            /** Format: date-time */
            receivedAt: string;
            /**
             * @description An export’s records by what they are, counted (the records themselves are in the ZIP)
             * @example {
             *       "pupil": 1,
             *       "attendance": 64
             *     }
             */
            records: {
                [key: string]: number;
            };
            /** @example scheduling */
            service: string;
        };
        DataSubjectDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            type: "pupil" | "guardian";
        };
        GrantRequestDto: {
            /**
             * @example tutor
             * @enum {string}
             */
            role: "programme_admin" | "headteacher" | "tutor" | "school_staff" | "guardian" | "evaluator";
            /** @description Required for headteacher, tutor and school_staff; not allowed otherwise */
            schoolIds?: string[];
        };
        GuardedPupilDto: {
            canBookTransport: boolean;
            canConsent: boolean;
            /** Format: uuid */
            pupilId: string;
            /** @example parent */
            relationship: string;
            /** Format: uuid */
            schoolId: string;
        };
        GuardianLinkDto: {
            /** Format: uuid */
            accountId: string;
            canBookTransport: boolean;
            canGiveConsent: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            pupilId: string;
            /** @enum {string} */
            relationship: "parent" | "step_parent" | "grandparent" | "carer" | "foster_carer" | "other_relative" | "other";
            /** Format: uuid */
            schoolId: string;
        };
        GuardianLinkPageDto: {
            items: components["schemas"]["GuardianLinkDto"][];
            nextCursor: string | null;
        };
        IdentityGrantDto: {
            /** @description guardian */
            pupils?: components["schemas"]["GuardedPupilDto"][];
            /** @enum {string} */
            role: "programme_admin" | "headteacher" | "tutor" | "school_staff" | "guardian" | "evaluator";
            /** @description headteacher, tutor, school_staff */
            schoolIds?: string[];
        };
        "instrument-loan.AgreementDto": {
            /**
             * Format: date-time
             * @description ISO 8601 with offset
             */
            agreedAt: string;
            /** @description The guardian who agreed to the loan terms */
            agreedByName: string;
            /**
             * Format: uuid
             * @description Their Tutti account, when they agreed online
             */
            agreedByUserId?: string;
            /** @example 2025-1 */
            termsVersion: string;
        };
        "instrument-loan.AreaSettingsDto": {
            /** @description Days after a loan starts during which missed sessions do not count */
            gracePeriodDays: number;
            /** @description Days between inspections of an instrument */
            inspectionIntervalDays: number;
            /** @description Missed sessions in a row that flag a conditional loan */
            missedSessionsThreshold: number;
            /** @description The loan terms version guardians agree to now */
            termsVersion: string;
            /** @description The version read (0 while the area is on the defaults): send it quoted as If-Match to edit */
            version: number;
        };
        "instrument-loan.ArmLengthDto": {
            /** @description Arm outstretched, neck to middle of palm, in mm */
            armLengthMm: number;
            /** @example 2026-01-12 */
            measuredOn: string;
        };
        "instrument-loan.CheckOutDto": {
            /**
             * @example [
             *       "case",
             *       "bow",
             *       "rosin"
             *     ]
             */
            accessories?: string[];
            agreement: components["schemas"]["instrument-loan.AgreementDto"];
            condition?: components["schemas"]["instrument-loan.LoanConditionInputDto"];
            /** @enum {string} */
            conditionOut: "excellent" | "good" | "fair" | "poor" | "unusable";
            /** @example 2026-07-20 */
            dueOn: string;
            /** Format: uuid */
            instrumentId: string;
            /** Format: uuid */
            pupilId: string;
        };
        "instrument-loan.CloseRepairDto": {
            /** @description Defaults to today */
            closedOn?: string;
            /** @enum {string} */
            conditionAfter: "excellent" | "good" | "fair" | "poor" | "unusable";
            /** @description Final cost in pence */
            costPence: number;
            repairer?: string;
        };
        "instrument-loan.CreateInstrumentDto": {
            /** @example LIV-VN-0042 */
            assetTag: string;
            /** @enum {string} */
            condition: "excellent" | "good" | "fair" | "poor" | "unusable";
            location?: string;
            make?: string;
            model?: string;
            /** @enum {string} */
            ownerKind: "programme" | "school" | "hub";
            /**
             * Format: uuid
             * @description Required when ownerKind is school
             */
            ownerSchoolId?: string;
            /** @example 2024-09-01 */
            purchasedOn?: string;
            /** @description Whole pence */
            purchaseValuePence?: number;
            serial?: string;
            /**
             * @description Required for violin, viola, cello and double bass; absent otherwise
             * @enum {string}
             */
            size?: "1/16" | "1/10" | "1/8" | "1/4" | "1/2" | "3/4" | "7/8" | "4/4";
            /** @enum {string} */
            type: "violin" | "viola" | "cello" | "double_bass" | "guitar" | "ukulele" | "flute" | "piccolo" | "oboe" | "clarinet" | "bassoon" | "saxophone" | "recorder" | "trumpet" | "cornet" | "french_horn" | "trombone" | "euphonium" | "tuba" | "percussion" | "snare_drum" | "glockenspiel" | "keyboard";
        };
        "instrument-loan.FamilyOnLoanDto": {
            /** @example strings */
            family: string;
            onLoan: number;
        };
        "instrument-loan.ImportInstrumentsDto": {
            /** @description CSV text with a header row: asset_tag,type,size,make,model,serial,purchased_on,purchase_value_pence,owner,owner_school_urn,location,condition */
            csv: string;
            /** @description true: report what would happen and change nothing */
            dryRun: boolean;
        };
        "instrument-loan.ImportProblemDto": {
            /** @example type */
            column: string;
            /** @example not an instrument type */
            reason: string;
        };
        "instrument-loan.ImportReportDto": {
            applied: boolean;
            dryRun: boolean;
            rows: components["schemas"]["instrument-loan.ImportRowReportDto"][];
            /** @description rows per outcome */
            summary: components["schemas"]["instrument-loan.ImportSummaryDto"];
        };
        "instrument-loan.ImportRowReportDto": {
            assetTag: string | null;
            /** @description {column, reason} per problem */
            errors: components["schemas"]["instrument-loan.ImportProblemDto"][];
            /** @enum {string} */
            outcome: "create" | "update" | "unchanged" | "error";
            /** @description Line number in the file (the header is line 1) */
            row: number;
        };
        "instrument-loan.ImportSummaryDto": {
            create: number;
            error: number;
            unchanged: number;
            update: number;
        };
        "instrument-loan.InspectionDto": {
            condition: string;
            /** Format: uuid */
            id: string;
            /** Format: date */
            inspectedOn: string;
            /** Format: uuid */
            instrumentId: string;
            /**
             * Format: date
             * @description When the next termly inspection is due
             */
            nextInspectionOn: string;
            notes: string | null;
            /**
             * Format: date-time
             * @description When the inspection reminder goes out
             */
            reminderAt: string;
        };
        "instrument-loan.InstrumentDto": {
            assetTag: string;
            /** @enum {string} */
            condition: "excellent" | "good" | "fair" | "poor" | "unusable";
            /** @enum {string} */
            family: "strings" | "woodwind" | "brass" | "percussion" | "keyboard" | "other";
            /** Format: uuid */
            id: string;
            location: string | null;
            make: string | null;
            model: string | null;
            /** Format: date */
            nextInspectionOn: string | null;
            /** @enum {string} */
            ownerKind: "programme" | "school" | "hub";
            ownerSchoolId: string | null;
            /** Format: date */
            purchasedOn: string | null;
            purchaseValuePence: number | null;
            serial: string | null;
            size: string | null;
            /** @enum {string} */
            status: "available" | "on_loan" | "in_repair" | "lost" | "retired";
            /** @enum {string} */
            type: "violin" | "viola" | "cello" | "double_bass" | "guitar" | "ukulele" | "flute" | "piccolo" | "oboe" | "clarinet" | "bassoon" | "saxophone" | "recorder" | "trumpet" | "cornet" | "french_horn" | "trombone" | "euphonium" | "tuba" | "percussion" | "snare_drum" | "glockenspiel" | "keyboard";
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        "instrument-loan.InstrumentPageDto": {
            items: components["schemas"]["instrument-loan.InstrumentDto"][];
            nextCursor: string | null;
        };
        "instrument-loan.LoanAgreementDto": {
            /** Format: date-time */
            agreedAt: string;
            agreedByName: string;
            agreedByUserId: string | null;
            termsVersion: string;
        };
        "instrument-loan.LoanConditionDto": {
            /** Format: uuid */
            ensembleId: string;
            note: string | null;
        };
        "instrument-loan.LoanConditionInputDto": {
            /**
             * Format: uuid
             * @description The ensemble the pupil must keep attending
             */
            ensembleId: string;
            /** @example Kept while attending the after-school orchestra */
            note?: string;
        };
        "instrument-loan.LoanDto": {
            accessories: string[];
            active: boolean;
            agreement: components["schemas"]["instrument-loan.LoanAgreementDto"];
            condition: components["schemas"]["instrument-loan.LoanConditionDto"] | null;
            conditionIn: string | null;
            conditionOut: string;
            /** Format: date */
            dueOn: string;
            flaggedAt: string | null;
            flagReason: string | null;
            /** Format: uuid */
            id: string;
            instrument: components["schemas"]["instrument-loan.LoanInstrumentDto"];
            /** @enum {string|null} */
            outcome: "returned" | "swapped" | "lost" | null;
            overdueAt: string | null;
            /** Format: uuid */
            pupilId: string;
            /** @description Where a guardian or tutor reports damage or loss (POST) */
            reportProblemPath: string;
            returnedAt: string | null;
            reviewClearedAt: string | null;
            /** Format: uuid */
            schoolId: string;
            /** Format: date-time */
            startedAt: string;
        };
        "instrument-loan.LoanInstrumentDto": {
            assetTag: string;
            /** Format: uuid */
            id: string;
            size: string | null;
            type: string;
        };
        "instrument-loan.LoanPageDto": {
            items: components["schemas"]["instrument-loan.LoanDto"][];
            nextCursor: string | null;
        };
        "instrument-loan.LoansPerPupilDto": {
            items: components["schemas"]["instrument-loan.PupilLoansDto"][];
        };
        "instrument-loan.LossesAndRepairsDto": {
            terms: components["schemas"]["instrument-loan.TermLossesAndRepairsDto"][];
        };
        "instrument-loan.OpenRepairDto": {
            /** @description Estimated cost in pence */
            costPence?: number;
            /** @example Cracked bridge */
            fault: string;
            /** @description Defaults to today */
            openedOn?: string;
            repairer?: string;
        };
        "instrument-loan.OutgrownLoanDto": {
            assetTag: string;
            /** @enum {string} */
            basis: "arm_length" | "age";
            currentSize: string;
            /** Format: uuid */
            instrumentId: string;
            /** Format: uuid */
            loanId: string;
            /** Format: uuid */
            pupilId: string;
            recommendedSize: string;
            /** Format: uuid */
            schoolId: string;
            type: string;
        };
        "instrument-loan.OutgrownPageDto": {
            items: components["schemas"]["instrument-loan.OutgrownLoanDto"][];
            nextCursor: string | null;
        };
        "instrument-loan.OwnerCountDto": {
            count: number;
            /** @enum {string} */
            ownerKind: "programme" | "school" | "hub";
            /** Format: uuid */
            schoolId: string | null;
        };
        /** @description An error, as every Tutti route answers one (RFC 9457). */
        "instrument-loan.ProblemDetails": {
            /** @description For a 409: what the request clashes with; where the route names rules, `rule` says which */
            conflicts?: ({
                rule?: string;
            } & {
                [key: string]: unknown;
            })[];
            /**
             * @description For a 412: the version the object is at now
             * @example "4"
             */
            currentETag?: string;
            /** @description What went wrong, in words a person can act on */
            detail: string;
            /** @description For a 400: each field that broke a rule */
            errors?: {
                /** @example email */
                field: string;
                message: string;
                /** @example isEmail */
                rule: string;
            }[];
            /** @description The path asked for */
            instance?: string;
            /** @description Quote it when reporting a problem */
            requestId?: string;
            /** @example 409 */
            status: number;
            /** @example Conflict */
            title: string;
            /** @example about:blank */
            type: string;
        } & {
            [key: string]: unknown;
        };
        "instrument-loan.ProblemReportDto": {
            description: string;
            /** @enum {string} */
            kind: "damaged" | "lost" | "other";
        };
        "instrument-loan.ProblemReportResultDto": {
            /** Format: uuid */
            id: string;
            kind: string;
            loan: components["schemas"]["instrument-loan.LoanDto"];
            /** Format: date-time */
            reportedAt: string;
        };
        "instrument-loan.PupilLoansDto": {
            activeLoans: number;
            lost: number;
            /** Format: uuid */
            pupilId: string;
            totalLoans: number;
        };
        "instrument-loan.PupilSizingDto": {
            armLengthMm: number | null;
            /** @description Estimated from the school year */
            estimatedAge: number;
            /** Format: uuid */
            pupilId: string;
            recommendations: components["schemas"]["instrument-loan.SizeRecommendationDto"][];
        };
        "instrument-loan.RecordInspectionDto": {
            /** @enum {string} */
            condition: "excellent" | "good" | "fair" | "poor" | "unusable";
            /** @description Defaults to today */
            inspectedOn?: string;
            notes?: string;
        };
        "instrument-loan.RepairTicketDto": {
            assetTag: string;
            /** Format: date */
            closedOn: string | null;
            conditionAfter: string | null;
            costPence: number | null;
            fault: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            instrumentId: string;
            /** Format: date */
            openedOn: string;
            repairer: string | null;
        };
        "instrument-loan.RepairTicketPageDto": {
            items: components["schemas"]["instrument-loan.RepairTicketDto"][];
            nextCursor: string | null;
        };
        "instrument-loan.ReturnLoanDto": {
            /** @enum {string} */
            conditionIn: "excellent" | "good" | "fair" | "poor" | "unusable";
            notes?: string;
        };
        "instrument-loan.SchoolLoanSummaryDto": {
            /** @description Loans out by instrument family, most first */
            byFamily: components["schemas"]["instrument-loan.FamilyOnLoanDto"][];
            /** @description Instruments out on loan now to the school’s pupils */
            onLoan: number;
            /** @description Of the loans out, those past their due date (Europe/London) */
            overdue: number;
            /** @description Pupils of the school with at least one instrument at home */
            pupilsWithInstrument: number;
            /** Format: uuid */
            schoolId: string;
        };
        "instrument-loan.SizeRecommendationDto": {
            /** @enum {string} */
            basis: "arm_length" | "age";
            recommendedSize: string;
            type: string;
        };
        "instrument-loan.StatusCountDto": {
            count: number;
            status: string;
        };
        "instrument-loan.StockReportDto": {
            bySchool: components["schemas"]["instrument-loan.OwnerCountDto"][];
            byStatus: components["schemas"]["instrument-loan.StatusCountDto"][];
            byTypeAndSize: components["schemas"]["instrument-loan.TypeSizeCountDto"][];
        };
        "instrument-loan.SwapLoanDto": {
            /** @description Defaults to the old loan’s accessories */
            accessories?: string[];
            /**
             * @description Condition of the returned instrument
             * @enum {string}
             */
            conditionIn: "excellent" | "good" | "fair" | "poor" | "unusable";
            /**
             * @description Condition of the new instrument
             * @enum {string}
             */
            conditionOut: "excellent" | "good" | "fair" | "poor" | "unusable";
            /** @description Defaults to the old loan’s due date */
            dueOn?: string;
            /**
             * Format: uuid
             * @description The (usually larger) instrument that goes home instead
             */
            newInstrumentId: string;
        };
        "instrument-loan.SwapResultDto": {
            returned: components["schemas"]["instrument-loan.LoanDto"];
            started: components["schemas"]["instrument-loan.LoanDto"];
        };
        "instrument-loan.TermLossesAndRepairsDto": {
            lost: number;
            /** @description pence */
            lostValuePence: number;
            /** @description pence */
            repairCostPence: number;
            repairs: number;
            /** @example 2025-2026 autumn */
            term: string;
        };
        "instrument-loan.TypeSizeCountDto": {
            count: number;
            size: string | null;
            status: string;
            type: string;
        };
        "instrument-loan.TypeValueDto": {
            instruments: number;
            type: string;
            /** @description pence */
            valuePence: number;
        };
        "instrument-loan.UpdateAreaSettingsDto": {
            gracePeriodDays?: number;
            inspectionIntervalDays?: number;
            missedSessionsThreshold?: number;
            termsVersion?: string;
        };
        "instrument-loan.UpdateInstrumentDto": {
            /** @enum {string} */
            condition?: "excellent" | "good" | "fair" | "poor" | "unusable";
            location?: string;
            make?: string;
            model?: string;
            /** @enum {string} */
            ownerKind?: "programme" | "school" | "hub";
            /** Format: uuid */
            ownerSchoolId?: string;
            purchasedOn?: string;
            purchaseValuePence?: number;
            serial?: string;
            /** @enum {string} */
            size?: "1/16" | "1/10" | "1/8" | "1/4" | "1/2" | "3/4" | "7/8" | "4/4";
            /**
             * @description Loans and repairs move the other statuses
             * @enum {string}
             */
            status?: "available" | "lost" | "retired";
        };
        "instrument-loan.ValueOnLoanDto": {
            byType: components["schemas"]["instrument-loan.TypeValueDto"][];
            instruments: number;
            /** @description pence */
            totalPence: number;
            /** @description instruments out on loan without a purchase value */
            unvalued: number;
        };
        InviteAccountDto: {
            /** @example Tom Reilly */
            displayName: string;
            /** @example tutor@example.org */
            email: string;
            /** @description Roles to grant at once */
            grants?: components["schemas"]["GrantRequestDto"][];
            /** @example +447700900123 */
            mobile?: string;
            /**
             * @default en
             * @example en
             */
            preferredLanguage: string;
        };
        MeDto: {
            /**
             * @description The role chosen with x-tutti-role; null when none is chosen
             * @enum {string|null}
             */
            activeRole: "programme_admin" | "headteacher" | "tutor" | "school_staff" | "guardian" | "evaluator" | null;
            area: components["schemas"]["AreaSummaryDto"];
            /** @description Children the person is a guardian of, across all their schools */
            children: components["schemas"]["GuardedPupilDto"][];
            displayName: string;
            email: string;
            grants: components["schemas"]["IdentityGrantDto"][];
            /** @example en */
            preferredLanguage: string;
            /** @description Every role held; send one as x-tutti-role to act in it */
            roles: ("programme_admin" | "headteacher" | "tutor" | "school_staff" | "guardian" | "evaluator")[];
            /** Format: uuid */
            userId: string;
        };
        OpenDataRequestDto: {
            /**
             * @description A guardian may ask only for an export of their own child
             * @enum {string}
             */
            kind: "export" | "erasure";
            /**
             * Format: uuid
             * @description The pupil’s id, or the guardian’s account id
             */
            subjectId: string;
            /** @enum {string} */
            subjectType: "pupil" | "guardian";
        };
        OpenRetentionRunDto: {
            /**
             * @description The day the schedule is applied as of (default today); not in the future
             * @example 2026-12-05
             */
            asOf?: string;
            /** @description Only count what the schedule would anonymise or delete */
            dryRun: boolean;
        };
        "parent-engagement.AnnouncementDto": {
            /** @enum {string} */
            audience: "school" | "performance" | "class" | "ensemble";
            body: string;
            /** Format: uuid */
            classId?: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Staff only: one per family */
            deliveries?: components["schemas"]["parent-engagement.DeliveryDto"][];
            /** @description Staff only (in the list too) */
            deliveryCounts?: components["schemas"]["parent-engagement.DeliveryCountsDto"];
            /** Format: uuid */
            ensembleId?: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            performanceId?: string | null;
            /**
             * Format: date-time
             * @description Recipients only: when you first opened it (null: not yet read)
             */
            readAt?: string | null;
            /**
             * Format: uuid
             * @description The school reached; for a class or a school’s ensemble, its school; null for a performance or a cross-school ensemble
             */
            schoolId?: string | null;
            senderName: string;
            subject: string;
        };
        "parent-engagement.AnnouncementPageDto": {
            items: components["schemas"]["parent-engagement.AnnouncementDto"][];
            nextCursor: string | null;
        };
        "parent-engagement.AttendanceDto": {
            attended: boolean;
        };
        "parent-engagement.BookingDto": {
            adults: number;
            /** Format: date-time */
            checkedInAt?: string | null;
            children: number;
            /** Format: date-time */
            createdAt: string;
            guardianName: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            offerExpiresAt?: string | null;
            pupilIds: string[];
            /** Format: uuid */
            runId: string;
            seats: number;
            /** @enum {string} */
            status: "confirmed" | "waitlisted" | "offered" | "cancelled" | "expired" | "declined";
            /** Format: uuid */
            stopId: string;
            /** @description Place in the waiting list (1 = next), while waitlisted */
            waitlistPlace?: number | null;
        };
        "parent-engagement.BookingPageDto": {
            items: components["schemas"]["parent-engagement.BookingDto"][];
            nextCursor: string | null;
        };
        "parent-engagement.CalendarFeedDto": {
            /**
             * @description Path of the feed under this service
             * @example /calendar/….ics
             */
            path: string;
            /** @description The secret; shown once */
            token: string;
            /**
             * @description The address to subscribe to in a calendar app (at PUBLIC_URL)
             * @example https://tutti.example.org/api/parent-engagement/calendar/….ics
             */
            url: string;
        };
        "parent-engagement.ChangeBookingDto": {
            adults?: number;
            otherChildren?: number;
            /**
             * Format: uuid
             * @description Another pick-up stop of the same bus
             */
            stopId?: string;
        };
        "parent-engagement.CheckInDto": {
            /** @description false undoes a check-in made by mistake */
            present: boolean;
        };
        "parent-engagement.ClearedDriverDto": {
            /**
             * Format: date
             * @description The first day their DBS check or training runs out (null: not known to)
             */
            clearedUntil: string | null;
            /** @example Sam Driver */
            displayName: string;
            /** Format: uuid */
            staffId: string;
        };
        "parent-engagement.ClearedDriverListDto": {
            items: components["schemas"]["parent-engagement.ClearedDriverDto"][];
        };
        "parent-engagement.ConsentDto": {
            /** Format: date-time */
            givenAt?: string | null;
            givenByName?: string | null;
            /** @enum {string} */
            kind: "photo_film" | "performing_in_public" | "transport" | "trips";
            note?: string | null;
            reason?: string | null;
            /**
             * @description missing: nobody has answered yet
             * @enum {string}
             */
            state: "granted" | "refused" | "withdrawn" | "missing";
        };
        "parent-engagement.ConsentHistoryItemDto": {
            /** Format: date-time */
            givenAt?: string | null;
            givenByName?: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "photo_film" | "performing_in_public" | "transport" | "trips";
            note?: string | null;
            reason?: string | null;
            /**
             * @description missing: nobody has answered yet
             * @enum {string}
             */
            state: "granted" | "refused" | "withdrawn" | "missing";
        };
        "parent-engagement.ConsentHistoryPageDto": {
            items: components["schemas"]["parent-engagement.ConsentHistoryItemDto"][];
            nextCursor: string | null;
        };
        "parent-engagement.ContactPreferencesDto": {
            /** Format: email */
            email?: string | null;
            emailEnabled: boolean;
            /**
             * @description Language of messages (BCP 47); untranslated messages come in English
             * @example en
             */
            language: string;
            /** @example +447700900123 */
            phone?: string | null;
            /** @example 07:00 */
            quietHoursEnd?: string | null;
            /**
             * @description Start of quiet hours (local time); with quietHoursEnd
             * @example 21:00
             */
            quietHoursStart?: string | null;
            smsEnabled: boolean;
        };
        "parent-engagement.CreateAnnouncementDto": {
            /**
             * @description school: the families of a school; performance: the families coming to a performance (RSVP or bus), of your schools; class: the families of the pupils now in a class; ensemble: the families of the pupils now in an ensemble (of a cross-school ensemble, those of your schools). A class or ensemble none of whose families uses Tutti yet is refused with 409 (nothing is sent or recorded).
             * @enum {string}
             */
            audience: "school" | "performance" | "class" | "ensemble";
            body: string;
            /**
             * Format: uuid
             * @description With audience class: a class of one of your schools; null is the same as leaving it out
             */
            classId?: string | null;
            /**
             * Format: uuid
             * @description With audience ensemble: an ensemble of one of your schools, or a cross-school ensemble with pupils of your schools; null is the same as leaving it out
             */
            ensembleId?: string | null;
            /**
             * Format: uuid
             * @description With audience performance; refused with any other audience; null is the same as leaving it out
             */
            performanceId?: string | null;
            /**
             * Format: uuid
             * @description With audience school (a school of your area; staff: one of yours); refused with any other audience; null is the same as leaving it out
             */
            schoolId?: string | null;
            /** @example Concert dress: black and white */
            subject: string;
        };
        "parent-engagement.CreateBookingDto": {
            /** @description Adults of the family travelling */
            adults: number;
            /** @description Other children of the family (e.g. younger siblings) */
            otherChildren?: number;
            /** @description The caller’s own children (pupils) travelling */
            pupilIds: string[];
            /** Format: uuid */
            runId: string;
            /**
             * Format: uuid
             * @description Where the family gets on
             */
            stopId: string;
        };
        "parent-engagement.CreateFamilySessionDto": {
            /** @description Places (people), all families together */
            capacity: number;
            /** Format: date-time */
            endsAt: string;
            /** @enum {string} */
            kind: "family_music" | "workshop";
            /** Format: uuid */
            schoolId: string;
            /** Format: date-time */
            startsAt: string;
            /** @example Play along with your child: strings */
            title: string;
        };
        "parent-engagement.CreatePickupStopDto": {
            /** @example Faith Street Primary, front gate */
            name: string;
            /** Format: date-time */
            pickupAt: string;
            /** @example Shaw Street, Liverpool L6 */
            place: string;
        };
        "parent-engagement.CreateSignUpDto": {
            /** @description People of the family coming (adults and children) */
            places: number;
            /** @description Your own children (pupils) coming */
            pupilIds: string[];
        };
        "parent-engagement.CreateTransportRunDto": {
            /**
             * Format: date-time
             * @description Booking cut-off; defaults to 24 hours before the first pick-up
             */
            bookingsCloseAt?: string;
            /**
             * Format: uuid
             * @description The driver, a member of staff of scheduling (kind driver): refused with 409 safeguarding-not-cleared unless their DBS check and training are valid on the day the bus leaves
             */
            driverStaffId?: string;
            /** Format: date-time */
            outboundDepartsAt: string;
            /** Format: uuid */
            performanceId: string;
            /** Format: date-time */
            returnDepartsAt?: string;
            seats: number;
            stops: components["schemas"]["parent-engagement.CreatePickupStopDto"][];
            /** @example 53-seat coach (Arriva, reg. CX21 ABC) */
            vehicle: string;
        };
        "parent-engagement.DeliveryCountsDto": {
            failed: number;
            queued: number;
            sent: number;
        };
        "parent-engagement.DeliveryDto": {
            error?: string | null;
            /** @description The guardian’s name as the family is known here */
            familyName?: string | null;
            /** Format: uuid */
            guardianId: string;
            /** @enum {string} */
            status: "queued" | "sent" | "failed";
        };
        "parent-engagement.EngagementFiguresDto": {
            from: string;
            schools: components["schemas"]["parent-engagement.SchoolEngagementDto"][];
            to: string;
        };
        "parent-engagement.FailedReminderDto": {
            attempts: number;
            /** Format: date-time */
            due: string;
            /** Format: uuid */
            id: string;
            /** @example transport.pickup-24h */
            kind: string;
            lastError: string | null;
        };
        "parent-engagement.FailedReminderPageDto": {
            items: components["schemas"]["parent-engagement.FailedReminderDto"][];
            nextCursor: string | null;
        };
        "parent-engagement.FamilyChildDto": {
            /** Format: uuid */
            pupilId: string;
            /** Format: uuid */
            schoolId: string;
        };
        "parent-engagement.FamilyDto": {
            children: components["schemas"]["parent-engagement.FamilyChildDto"][];
            displayName: string;
            /** Format: email */
            email?: string | null;
            emailEnabled: boolean;
            /** Format: uuid */
            guardianId: string;
            /**
             * @description Language of messages (BCP 47); untranslated messages come in English
             * @example en
             */
            language: string;
            /** @example +447700900123 */
            phone?: string | null;
            /** @example 07:00 */
            quietHoursEnd?: string | null;
            /**
             * @description Start of quiet hours (local time); with quietHoursEnd
             * @example 21:00
             */
            quietHoursStart?: string | null;
            smsEnabled: boolean;
            version: number;
        };
        "parent-engagement.FamilyMessageCatalogueDto": {
            /** @description One per family message key, in the catalogue’s order */
            items: components["schemas"]["parent-engagement.FamilyMessageDto"][];
            /** @example ro */
            language: string;
            /** @description Family messages there are: the shipped catalogue’s keys (English has every one) */
            messages: number;
        };
        "parent-engagement.FamilyMessageDto": {
            english: string;
            /** @example transport.booking-confirmed.subject */
            key: string;
            /** @example ro */
            language: string;
            /** @description What a family of the area gets: the override, else the shipped wording, else English’s */
            message: string;
            /** @description English’s placeholders: an override must use exactly these */
            placeholders: string[];
            /** @description The shipped catalogue’s wording in this language, if any */
            shipped: string | null;
            /** @description The shipped wording’s note (a machine translation is marked so) */
            shippedDescription: string | null;
            /**
             * @description Where message comes from
             * @enum {string}
             */
            source: "override" | "catalogue" | "english";
            /** @description The override’s version, 0 while there is none: send it quoted as If-Match */
            version: number;
        };
        "parent-engagement.FamilyPageDto": {
            items: components["schemas"]["parent-engagement.FamilyDto"][];
            nextCursor: string | null;
        };
        "parent-engagement.FamilySessionDto": {
            capacity: number;
            /** Format: date-time */
            endsAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "family_music" | "workshop";
            placesLeft: number;
            /** Format: uuid */
            schoolId: string;
            /** Format: date-time */
            startsAt: string;
            title: string;
        };
        "parent-engagement.FamilySessionPageDto": {
            items: components["schemas"]["parent-engagement.FamilySessionDto"][];
            nextCursor: string | null;
        };
        "parent-engagement.ImportMessageOverridesDto": {
            /** @description The catalogue CSV (GET …/catalogue.csv) with the wording column edited: a header row naming key and wording, then one row per message. A row whose wording differs from what the area’s families get now becomes the area’s wording; a blank wording changes nothing. */
            csv: string;
        };
        "parent-engagement.MessageOverrideDto": {
            /** @example transport.booking-confirmed.subject */
            key: string;
            /**
             * @description ISO 639 language code
             * @example ro
             */
            language: string;
            /**
             * @description ICU MessageFormat, with English’s placeholders
             * @example Transport rezervat: {performanceTitle}
             */
            message: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: uuid */
            updatedBy: string;
            /** @description Send it quoted as If-Match to edit or delete */
            version: number;
        };
        "parent-engagement.MessageOverrideImportDto": {
            /** @description Rows that replaced the area’s own wording */
            changed: number;
            /** @description Rows that became the area’s wording where it had none */
            created: number;
            /** @example ro */
            language: string;
            /** @description Rows whose wording is what families get now (or blank) */
            unchanged: number;
        };
        "parent-engagement.MessageOverrideListDto": {
            items: components["schemas"]["parent-engagement.MessageOverrideDto"][];
        };
        "parent-engagement.MessagePreviewDto": {
            /** @enum {string} */
            dir: "ltr" | "rtl";
            /** @description The HTML part, with lang and dir */
            html: string;
            language: string;
            subject: string;
            /** @description The plain-text part (also what a text message is made of) */
            text: string;
        };
        "parent-engagement.MessageSettingsDto": {
            /**
             * Format: email
             * @description Reply-To of every family email: where a family’s reply reaches the programme office; null for none
             * @example office@inharmony-liverpool.org.uk
             */
            replyTo: string | null;
            /** @description Send it quoted as If-Match to edit ("0" while the area has set nothing) */
            version: number;
        };
        "parent-engagement.MissingConsentDto": {
            /** @description Guardian name on the booking or RSVP */
            familyName: string;
            /** Format: uuid */
            pupilId: string;
            /** Format: uuid */
            schoolId?: string | null;
        };
        "parent-engagement.MissingConsentListDto": {
            /** @enum {string} */
            kind: "photo_film" | "performing_in_public" | "transport" | "trips";
            /** Format: uuid */
            performanceId: string;
            pupils: components["schemas"]["parent-engagement.MissingConsentDto"][];
        };
        "parent-engagement.MissingMessagesDto": {
            /** @description Families of the area who chose this language */
            families: number;
            /** @example so */
            language: string;
            /** @description Messages neither shipped nor overridden in this language: they come in English */
            missing: string[];
            /** @description Messages the area has its own wording of in this language */
            overridden: number;
            /** @description Whether Tutti ships a catalogue of this language */
            shipped: boolean;
        };
        "parent-engagement.MissingMessagesReportDto": {
            languages: components["schemas"]["parent-engagement.MissingMessagesDto"][];
            /** @description Family messages there are (English has every one) */
            messages: number;
        };
        "parent-engagement.PerformanceDto": {
            /** Format: date-time */
            endsAt: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            startsAt: string;
            /** @enum {string} */
            status: "published" | "cancelled";
            title: string;
            venueName: string;
        };
        "parent-engagement.PerformancePageDto": {
            items: components["schemas"]["parent-engagement.PerformanceDto"][];
            nextCursor: string | null;
        };
        "parent-engagement.PickupStopDto": {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: date-time */
            pickupAt: string;
            place: string;
        };
        "parent-engagement.PreviewAnnouncementDto": {
            body: string;
            /**
             * @description A family name for the greeting; without it, the greeting without a name
             * @example Mrs Khan
             */
            familyName?: string;
            /**
             * @description The family’s language (ISO 639): the frame (greeting, signature, links) comes in it
             * @example ar
             */
            language: string;
            /** @example Concert dress: black and white */
            subject: string;
        };
        "parent-engagement.PreviewMessageDto": {
            /**
             * @description The family message to show in the message that carries it
             * @example transport.booking-confirmed.body
             */
            key: string;
            /** @example ro */
            language: string;
            /** @description A draft wording of key to try before saving it (checked as an override is) */
            message?: string;
        };
        /** @description An error, as every Tutti route answers one (RFC 9457). */
        "parent-engagement.ProblemDetails": {
            /** @description For a 409: what the request clashes with; where the route names rules, `rule` says which */
            conflicts?: ({
                rule?: string;
            } & {
                [key: string]: unknown;
            })[];
            /**
             * @description For a 412: the version the object is at now
             * @example "4"
             */
            currentETag?: string;
            /** @description What went wrong, in words a person can act on */
            detail: string;
            /** @description For a 400: each field that broke a rule */
            errors?: {
                /** @example email */
                field: string;
                message: string;
                /** @example isEmail */
                rule: string;
            }[];
            /** @description The path asked for */
            instance?: string;
            /** @description Quote it when reporting a problem */
            requestId?: string;
            /** @example 409 */
            status: number;
            /** @example Conflict */
            title: string;
            /** @example about:blank */
            type: string;
        } & {
            [key: string]: unknown;
        };
        "parent-engagement.PupilConsentsDto": {
            /** @description One per kind, the latest decision */
            consents: components["schemas"]["parent-engagement.ConsentDto"][];
            /** Format: uuid */
            pupilId: string;
        };
        "parent-engagement.PutMessageOverrideDto": {
            /**
             * @description ICU MessageFormat, with English’s placeholders
             * @example Transport rezervat: {performanceTitle}
             */
            message: string;
        };
        "parent-engagement.PutRsvpDto": {
            adults: number;
            /** @description false: the family will not come */
            attending: boolean;
            /** @description Other children coming (e.g. younger siblings) */
            otherChildren?: number;
            /** @description Your own children (pupils) coming */
            pupilIds: string[];
        };
        "parent-engagement.QueueCountsDto": {
            /**
             * @description Jobs per state (waiting, active, delayed, prioritized, waiting-children, failed, completed); absent when the queue could not be read
             * @example {
             *       "waiting": 0,
             *       "active": 0,
             *       "delayed": 3,
             *       "prioritized": 0,
             *       "waiting-children": 0,
             *       "failed": 1,
             *       "completed": 12
             *     }
             */
            counts?: {
                [key: string]: number;
            };
            /** @description Why the counts are missing (Redis unreachable…) */
            error?: string;
            /** @example reminders.parent-engagement */
            name: string;
        };
        "parent-engagement.QueueDashboardDto": {
            /** @description Your tenant's reminders that failed for good, earliest due first */
            failedReminders: components["schemas"]["parent-engagement.FailedReminderPageDto"];
            /** @description This service's queues (all tenants: jobs carry no tenant in BullMQ's counts) */
            queues: components["schemas"]["parent-engagement.QueueCountsDto"][];
        };
        "parent-engagement.RecordConsentDto": {
            /** @description true gives consent; false refuses it, or withdraws consent given before */
            granted: boolean;
            /**
             * @description A "yes, except …" note; only with granted: true
             * @example Yes, except social media
             */
            note?: string | null;
            /** @description Why the decision was made or changed */
            reason?: string | null;
        };
        "parent-engagement.RetriedReminderDto": {
            /** Format: date-time */
            due: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "scheduled";
        };
        "parent-engagement.RsvpCheckInDto": {
            /** @description Adults who actually came; defaults to the RSVP’s */
            arrivedAdults?: number;
            /** @description Children who actually came; defaults to the RSVP’s */
            arrivedChildren?: number;
            /** @description false undoes a check-in made by mistake */
            present: boolean;
        };
        "parent-engagement.RsvpDto": {
            adults: number;
            arrivedAdults?: number | null;
            arrivedChildren?: number | null;
            attending: boolean;
            /** Format: date-time */
            checkedInAt?: string | null;
            children: number;
            guardianName: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            performanceId: string;
            pupilIds: string[];
            version: number;
        };
        "parent-engagement.RsvpPageDto": {
            items: components["schemas"]["parent-engagement.RsvpDto"][];
            nextCursor: string | null;
        };
        "parent-engagement.RsvpSummaryDto": {
            adultsArrived: number;
            adultsComing: number;
            childrenArrived: number;
            childrenComing: number;
            /** @description Families checked in on the day */
            familiesArrived: number;
            /** @description Families who said they will come */
            familiesComing: number;
            /** @description Families who said they will not come */
            familiesNotComing: number;
            /** Format: uuid */
            performanceId: string;
        };
        "parent-engagement.RunPerformanceDto": {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            startsAt: string;
            /** @enum {string} */
            status: "published" | "cancelled";
            title: string;
            venueName: string;
        };
        "parent-engagement.SchoolEngagementDto": {
            /** @description Checked in at a performance (at the door or on the bus) in the term */
            attendedPerformance: number;
            /** @description Families who signed up to a session, said they would come to a performance, or had a bus seat, in the term */
            familiesEngaged: number;
            /** @description Engaged this term and never before */
            firstTime: number;
            /** @description Engaged this term and also before it */
            returning: number;
            /** Format: uuid */
            schoolId: string;
            /** @description Checked in on a free bus in the term */
            usedTransport: number;
        };
        "parent-engagement.SignUpDto": {
            attended?: boolean | null;
            guardianName: string;
            /** Format: uuid */
            id: string;
            places: number;
            pupilIds: string[];
            /** Format: uuid */
            sessionId: string;
            /** @enum {string} */
            status: "signed_up" | "cancelled";
        };
        "parent-engagement.SignUpPageDto": {
            items: components["schemas"]["parent-engagement.SignUpDto"][];
            nextCursor: string | null;
        };
        "parent-engagement.TransportRunDto": {
            /** @description Whether a family may book now: the bus runs, its performance is on, and bookingsCloseAt has not passed. A booking otherwise gets 409 bookings-closed or run-cancelled. */
            bookingOpen: boolean;
            /** Format: date-time */
            bookingsCloseAt: string;
            /**
             * Format: uuid
             * @description The driver (a member of staff of scheduling)
             */
            driverStaffId?: string | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            outboundDepartsAt: string;
            performance: components["schemas"]["parent-engagement.RunPerformanceDto"];
            /** Format: date-time */
            returnDepartsAt?: string | null;
            seats: number;
            seatsLeft: number;
            /** @description Seats confirmed or held for an open waitlist offer */
            seatsTaken: number;
            /**
             * @description Whether the bus runs (see bookingOpen for whether it takes bookings)
             * @enum {string}
             */
            status: "open" | "cancelled";
            stops: components["schemas"]["parent-engagement.PickupStopDto"][];
            vehicle: string;
            /** @description The bus’s version: send it quoted as If-Match to edit it */
            version: number;
        };
        "parent-engagement.TransportRunPageDto": {
            items: components["schemas"]["parent-engagement.TransportRunDto"][];
            nextCursor: string | null;
        };
        "parent-engagement.UpdateMessageSettingsDto": {
            /**
             * Format: email
             * @example office@inharmony-liverpool.org.uk
             */
            replyTo: string | null;
        };
        "parent-engagement.UpdatePickupStopDto": {
            /**
             * Format: uuid
             * @description A stop of this bus
             */
            id: string;
            /** @example Faith Street Primary, front gate */
            name?: string;
            /** Format: date-time */
            pickupAt?: string;
            /** @example Shaw Street, Liverpool L6 */
            place?: string;
        };
        "parent-engagement.UpdateTransportRunDto": {
            /**
             * Format: date-time
             * @description Booking cut-off: in the future, and not after the first pick-up
             */
            bookingsCloseAt?: string;
            /**
             * Format: uuid
             * @description The driver (null for none yet): refused with 409 safeguarding-not-cleared unless cleared on the day the bus leaves
             */
            driverStaffId?: string | null;
            /** Format: date-time */
            outboundDepartsAt?: string;
            /**
             * Format: date-time
             * @description null: no return journey
             */
            returnDepartsAt?: string | null;
            /** @description Never below the seats already booked (409 seats-below-booked) */
            seats?: number;
            /** @description Corrections of some of its stops; stops are neither added nor removed */
            stops?: components["schemas"]["parent-engagement.UpdatePickupStopDto"][];
            /**
             * @description The vehicle and its operator
             * @example 53-seat coach (Arriva, reg. CX21 ABC)
             */
            vehicle?: string;
        };
        "performance-event.AddPerformerDto": {
            /** Format: uuid */
            pupilId: string;
        };
        "performance-event.AppearancesDto": {
            /** @description Programmes and run sheets handed out that listed the child */
            printed: components["schemas"]["performance-event.PrintedAppearanceDto"][];
            /**
             * @description The programme as it prints now: named only with consent to perform in public
             * @enum {string}
             */
            programme: "named" | "counted" | "absent";
            /** @description Named in the public listing (the performance is listed and its title names the child) */
            publicListing: boolean;
            /** @description On the roster, so on the run sheet */
            runSheet: boolean;
            /** @description A soloist in the running order */
            soloist: boolean;
        };
        "performance-event.AuditConsentsDto": {
            /** @enum {string} */
            performingInPublic: "granted" | "refused" | "not_answered";
            /** @enum {string} */
            photoFilm: "granted" | "refused" | "not_answered";
        };
        "performance-event.AuditedChildDto": {
            appearances: components["schemas"]["performance-event.AppearancesDto"];
            /** @description Their consents now */
            consents: components["schemas"]["performance-event.AuditConsentsDto"];
            displayName: string;
            mismatches: components["schemas"]["performance-event.ConsentMismatchDto"][];
            /** Format: uuid */
            pupilId: string;
            /** Format: uuid */
            schoolId: string | null;
        };
        "performance-event.CancelPerformanceDto": {
            reason?: string;
        };
        "performance-event.ConsentAuditDto": {
            /** @enum {string} */
            audience: "public" | "school_community";
            /** Format: date-time */
            checkedAt: string;
            children: components["schemas"]["performance-event.AuditedChildDto"][];
            /** @description Children with at least one mismatch */
            childrenWithMismatches: number;
            /** Format: uuid */
            performanceId: string;
            /** @description Shown in the area’s public listing and calendar feed */
            publiclyListed: boolean;
            /** Format: date-time */
            startsAt: string;
            /** @enum {string} */
            status: "draft" | "published" | "completed" | "cancelled";
            title: string;
        };
        "performance-event.ConsentMismatchDto": {
            /** @enum {string} */
            consent: "photo_film" | "performing_in_public";
            message: string;
            /**
             * Format: date-time
             * @description When the sheet in question was printed
             */
            printedAt: string | null;
            /**
             * @description refused: keep the child out; not_answered: chase the family
             * @enum {string}
             */
            state: "refused" | "not_answered";
            /** @enum {string} */
            where: "printed_programme" | "printed_run_sheet" | "public_performance" | "public_listing";
        };
        "performance-event.CreatePerformanceDto": {
            /** @enum {string} */
            audience: "public" | "school_community";
            /**
             * Format: date-time
             * @description When performers arrive; not after the start
             */
            callTime?: string | null;
            /** @example School uniform, black shoes */
            dress?: string | null;
            /** Format: date-time */
            endsAt: string;
            /** @description Ensembles taking part (ids from scheduling) */
            ensembleIds?: string[];
            /** @description Professionals playing side by side with the children */
            professionalMusicians?: components["schemas"]["performance-event.ProfessionalMusicianDto"][];
            /**
             * Format: uuid
             * @description Host school; null for an area-wide performance
             */
            schoolId?: string | null;
            /** Format: date-time */
            startsAt: string;
            title: string;
            /** Format: uuid */
            venueId: string;
        };
        "performance-event.CreateVenueDto": {
            /** @description Step-free access, parking, where families wait… */
            accessNotes?: string | null;
            address: string;
            capacity?: number | null;
            /** @enum {string} */
            kind: "school_hall" | "community_venue" | "supermarket" | "concert_hall" | "church" | "outdoor" | "other";
            name: string;
            /**
             * Format: uuid
             * @description The school whose hall this is; its headteacher may then edit it
             */
            schoolId?: string | null;
        };
        "performance-event.MovePerformanceDto": {
            /** Format: date-time */
            callTime?: string | null;
            /** Format: date-time */
            endsAt: string;
            reason?: string;
            /** Format: date-time */
            startsAt: string;
            /**
             * Format: uuid
             * @description A new venue, if it moves there too
             */
            venueId?: string;
        };
        "performance-event.PerformanceDto": {
            /** @enum {string} */
            audience: "public" | "school_community";
            /** Format: date-time */
            callTime: string | null;
            cancelReason: string | null;
            dress: string | null;
            /** Format: date-time */
            endsAt: string;
            ensembles: components["schemas"]["performance-event.PerformanceEnsembleDto"][];
            /** Format: uuid */
            id: string;
            professionalMusicians: components["schemas"]["performance-event.ProfessionalMusicianDto"][];
            /** Format: uuid */
            schoolId: string | null;
            /** Format: date-time */
            startsAt: string;
            /** @enum {string} */
            status: "draft" | "published" | "completed" | "cancelled";
            title: string;
            venue: components["schemas"]["performance-event.VenueDto"];
            /** @description Send as If-Match (quoted) when editing or moving */
            version: number;
        };
        "performance-event.PerformanceEnsembleDto": {
            /** Format: uuid */
            ensembleId: string;
            name: string | null;
            /** Format: uuid */
            schoolId: string | null;
        };
        "performance-event.PerformancePageDto": {
            items: components["schemas"]["performance-event.PerformanceSummaryDto"][];
            nextCursor: string | null;
        };
        "performance-event.PerformanceSummaryDto": {
            /** @enum {string} */
            audience: "public" | "school_community";
            /** Format: date-time */
            endsAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            schoolId: string | null;
            /** Format: date-time */
            startsAt: string;
            /** @enum {string} */
            status: "draft" | "published" | "completed" | "cancelled";
            title: string;
            /** Format: uuid */
            venueId: string;
            venueName: string;
            version: number;
        };
        "performance-event.PerformerConsentsDto": {
            /**
             * @description Only granted is named in the audience programme
             * @enum {string}
             */
            performingInPublic: "granted" | "refused" | "not_answered";
            /**
             * @description refused: keep out of photos and film; not_answered: chase the family (and keep out until they answer)
             * @enum {string}
             */
            photoFilm: "granted" | "refused" | "not_answered";
        };
        "performance-event.PerformerDto": {
            consents: components["schemas"]["performance-event.PerformerConsentsDto"];
            displayName: string;
            /** Format: uuid */
            ensembleId: string | null;
            /** @description Soloist turns this academic year */
            featuredThisYear: number;
            /** @description What staff must watch on the day */
            flags: ("photo_film_refused" | "photo_film_not_answered" | "public_performance_refused" | "public_performance_not_answered")[];
            instrument: string | null;
            /** @description Completed performances this academic year */
            performedThisYear: number;
            /** Format: uuid */
            pupilId: string;
            /** Format: uuid */
            schoolId: string;
            /** @enum {string} */
            source: "ensemble" | "added";
            /** @description Published performances to come this academic year (this one included) */
            upcomingThisYear: number;
        };
        "performance-event.PeriodDto": {
            academicYear: number;
            /** Format: date-time */
            from: string;
            /** @enum {string} */
            period: "year" | "autumn" | "spring" | "summer";
            /**
             * Format: date-time
             * @description Exclusive
             */
            to: string;
        };
        "performance-event.PrintedAppearanceDto": {
            /** @description The consents the sheet was printed with */
            consentsAsPrinted: components["schemas"]["performance-event.AuditConsentsDto"];
            /** @enum {string} */
            kind: "programme" | "run_sheet";
            /** @description Named on it (a programme counts the children it does not name) */
            named: boolean;
            /** Format: date-time */
            printedAt: string;
        };
        /** @description An error, as every Tutti route answers one (RFC 9457). */
        "performance-event.ProblemDetails": {
            /** @description For a 409: what the request clashes with; where the route names rules, `rule` says which */
            conflicts?: ({
                rule?: string;
            } & {
                [key: string]: unknown;
            })[];
            /**
             * @description For a 412: the version the object is at now
             * @example "4"
             */
            currentETag?: string;
            /** @description What went wrong, in words a person can act on */
            detail: string;
            /** @description For a 400: each field that broke a rule */
            errors?: {
                /** @example email */
                field: string;
                message: string;
                /** @example isEmail */
                rule: string;
            }[];
            /** @description The path asked for */
            instance?: string;
            /** @description Quote it when reporting a problem */
            requestId?: string;
            /** @example 409 */
            status: number;
            /** @example Conflict */
            title: string;
            /** @example about:blank */
            type: string;
        } & {
            [key: string]: unknown;
        };
        "performance-event.ProfessionalMusicianDto": {
            instrument: string;
            name: string;
            /** @example Royal Liverpool Philharmonic */
            organisation?: string | null;
        };
        "performance-event.PublicPerformanceDto": {
            /** Format: date-time */
            endsAt: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            startsAt: string;
            title: string;
            /** @description step-free access, parking…; null when the venue gave none */
            venueAccessNotes: string | null;
            venueAddress: string;
            venueName: string;
        };
        "performance-event.PublicPerformancePageDto": {
            items: components["schemas"]["performance-event.PublicPerformanceDto"][];
            nextCursor: string | null;
        };
        "performance-event.PupilFairnessDto": {
            displayName: string;
            /** @description Soloist turns in the period */
            featured: number;
            /** @description Completed performances in the period */
            performed: number;
            /** Format: uuid */
            pupilId: string;
            /** @description Published performances to come in the period */
            upcoming: number;
        };
        "performance-event.PupilFairnessPageDto": {
            /** @description Fewest performances first */
            items: components["schemas"]["performance-event.PupilFairnessDto"][];
            nextCursor: string | null;
            period: components["schemas"]["performance-event.PeriodDto"];
        };
        "performance-event.ReplaceRunningOrderDto": {
            /** @description The whole running order, in performance order */
            items: components["schemas"]["performance-event.RunningOrderItemInputDto"][];
        };
        "performance-event.RosterBuildDto": {
            /** @description Of whom added one by one */
            added: number;
            /** @description Performers for whom this is their first chance this academic year */
            firstChanceThisYear: number;
            /** @description Of whom from the ensembles taking part */
            fromEnsembles: number;
            /** @description Ensemble members kept off the roster by an earlier removal */
            keptRemoved: number;
            /** Format: uuid */
            performanceId: string;
            /** @description Performers now on the roster */
            performers: number;
        };
        "performance-event.RosterPageDto": {
            items: components["schemas"]["performance-event.PerformerDto"][];
            nextCursor: string | null;
        };
        "performance-event.RunningOrderDto": {
            items: components["schemas"]["performance-event.RunningOrderItemDto"][];
            /** Format: uuid */
            performanceId: string;
            /** @description Slot left over; never negative */
            remainingSeconds: number;
            slotSeconds: number;
            totalSeconds: number;
            /** @description Send as If-Match (quoted) when replacing */
            version: number;
        };
        "performance-event.RunningOrderItemDto": {
            arranger: string | null;
            composer: string | null;
            durationSeconds: number;
            /** Format: uuid */
            ensembleId: string | null;
            ensembleName: string | null;
            guestSoloists: string[];
            /** Format: uuid */
            id: string;
            piece: string;
            position: number;
            soloists: components["schemas"]["performance-event.SoloistDto"][];
        };
        "performance-event.RunningOrderItemInputDto": {
            arranger?: string | null;
            composer?: string | null;
            /** @description Length in seconds */
            durationSeconds: number;
            /**
             * Format: uuid
             * @description One of the performance’s ensembles
             */
            ensembleId?: string | null;
            /** @description Professional or guest soloists, by name */
            guestSoloists?: string[];
            /**
             * Format: uuid
             * @description Keep an existing item’s id when reordering
             */
            id?: string;
            /** @example Ode to Joy */
            piece: string;
            /** @description Pupils featured as soloists (on the roster) */
            soloistPupilIds?: string[];
        };
        "performance-event.SchoolFairnessDto": {
            notYetOffered: number;
            notYetPerformed: number;
            /** @description Pupils who have performed or are on the roster of a published performance to come */
            offered: number;
            /** @description Pupils who have performed (a completed performance) in the period */
            performed: number;
            /** @description Pupils on roll */
            pupils: number;
            /** Format: uuid */
            schoolId: string;
            schoolName: string | null;
        };
        "performance-event.SchoolFairnessPageDto": {
            items: components["schemas"]["performance-event.SchoolFairnessDto"][];
            nextCursor: string | null;
            period: components["schemas"]["performance-event.PeriodDto"];
        };
        "performance-event.SoloistDto": {
            /** @description Null where the caller may not see this child */
            displayName: string | null;
            /** Format: uuid */
            pupilId: string;
        };
        "performance-event.SuggestionDto": {
            displayName: string;
            featuredThisYear: number;
            performedThisYear: number;
            /** Format: uuid */
            pupilId: string;
            /** Format: uuid */
            schoolId: string;
            upcomingThisYear: number;
        };
        "performance-event.SuggestionPageDto": {
            /** @description Pupils with the fewest chances this year first */
            items: components["schemas"]["performance-event.SuggestionDto"][];
            nextCursor: string | null;
        };
        "performance-event.UpdatePerformanceDto": {
            /** @enum {string} */
            audience?: "public" | "school_community";
            /** @example School uniform, black shoes */
            dress?: string | null;
            /** @description Ensembles taking part (ids from scheduling) */
            ensembleIds?: string[];
            /** @description Professionals playing side by side with the children */
            professionalMusicians?: components["schemas"]["performance-event.ProfessionalMusicianDto"][];
            title?: string;
        };
        "performance-event.UpdateVenueDto": {
            /** @description Step-free access, parking, where families wait… */
            accessNotes?: string | null;
            address?: string;
            capacity?: number | null;
            /** @enum {string} */
            kind?: "school_hall" | "community_venue" | "supermarket" | "concert_hall" | "church" | "outdoor" | "other";
            name?: string;
            /**
             * Format: uuid
             * @description The school whose hall this is; its headteacher may then edit it
             */
            schoolId?: string | null;
        };
        "performance-event.VenueDto": {
            accessNotes: string | null;
            address: string;
            capacity: number | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "school_hall" | "community_venue" | "supermarket" | "concert_hall" | "church" | "outdoor" | "other";
            name: string;
            /** Format: uuid */
            schoolId: string | null;
            /** @description Send as If-Match (quoted) when editing */
            version: number;
        };
        "performance-event.VenuePageDto": {
            items: components["schemas"]["performance-event.VenueDto"][];
            nextCursor: string | null;
        };
        /** @description An error, as every Tutti route answers one (RFC 9457). */
        ProblemDetails: {
            /** @description For a 409: what the request clashes with; where the route names rules, `rule` says which */
            conflicts?: ({
                rule?: string;
            } & {
                [key: string]: unknown;
            })[];
            /**
             * @description For a 412: the version the object is at now
             * @example "4"
             */
            currentETag?: string;
            /** @description What went wrong, in words a person can act on */
            detail: string;
            /** @description For a 400: each field that broke a rule */
            errors?: {
                /** @example email */
                field: string;
                message: string;
                /** @example isEmail */
                rule: string;
            }[];
            /** @description The path asked for */
            instance?: string;
            /** @description Quote it when reporting a problem */
            requestId?: string;
            /** @example 409 */
            status: number;
            /** @example Conflict */
            title: string;
            /** @example about:blank */
            type: string;
        } & {
            [key: string]: unknown;
        };
        RefreshTokenDto: {
            /** @description The refresh token from sign-in or the last refresh */
            refreshToken: string;
        };
        RequestPasswordResetDto: {
            /**
             * @description The programme area’s slug
             * @example liverpool
             */
            area: string;
            /** @example tutor@example.org */
            email: string;
        };
        RetentionRunSettingsDto: {
            /** @example 2026-12-05 */
            asOf: string;
            dryRun: boolean;
        };
        RetentionScheduleDto: {
            /**
             * @description Registers and attendance: the current academic year plus this many years
             * @example 3
             */
            attendanceYears: number;
            /**
             * @description Audit entries, this many years after the entry
             * @example 6
             */
            auditYears: number;
            /**
             * @description A family’s contact details, this many months after their last child left
             * @example 12
             */
            familyContactMonthsAfterLeaving: number;
            /**
             * @description A returned loan and its agreement, this many years after the return
             * @example 6
             */
            loanYearsAfterReturn: number;
            /**
             * @description Messages to families and their delivery, this many months after sending
             * @example 24
             */
            messageMonths: number;
            /**
             * @description A former pupil’s record, this many years after they left
             * @example 6
             */
            pupilRecordYearsAfterLeaving: number;
        };
        "scheduling.AddMemberDto": {
            instrument?: string;
            /**
             * Format: date
             * @description defaults to today
             */
            joinedOn?: string;
            /**
             * Format: uuid
             * @description A move between levels in one step: the pupil leaves their current membership of this other ensemble on joinedOn, in the same change as joining (a refusal leaves both as they were). Pupils only; that ensemble’s sessions no longer count as clashes.
             */
            leavingEnsembleId?: string;
            /** @description add the pupil even though this ensemble meets while another of theirs does */
            override?: boolean;
            /** Format: uuid */
            pupilId?: string;
            section?: string;
            /** Format: uuid */
            staffId?: string;
        };
        "scheduling.AnnualReturnDto": {
            /** @example 2025-26 */
            academicYear: string;
            figures: components["schemas"]["scheduling.FigureDto"][];
            /** Format: date */
            from: string;
            /** @description figures the return asks for that this service cannot give, and why */
            notIncluded: components["schemas"]["scheduling.FigureNotIncludedDto"][];
            schoolsWorkedWith: components["schemas"]["scheduling.SchoolWorkedWithDto"][];
            /** Format: date */
            to: string;
        };
        "scheduling.AreaProvisionDto": {
            period: components["schemas"]["scheduling.PeriodDto"];
            schools: components["schemas"]["scheduling.SchoolProvisionSummaryDto"][];
            targetWeeklyMinutes: number;
        };
        "scheduling.AssignTutorsDto": {
            override?: boolean;
            /** @description the tutors of this one session (a substitute, a second tutor) */
            staffIds: string[];
        };
        "scheduling.AttendanceWeekDto": {
            absent: number;
            /** @description Present or late, as a whole percentage of the marks; null without marks */
            attendedPercent: number | null;
            excused: number;
            late: number;
            /** @description Register marks of the school’s pupils in the week */
            marks: number;
            present: number;
            /**
             * Format: date
             * @description Monday of the week
             */
            weekStarting: string;
        };
        "scheduling.BankHolidayImportResultDto": {
            alreadyPresent: number;
            imported: number;
        };
        "scheduling.CancelOccurrenceDto": {
            reason?: string;
        };
        "scheduling.CharacteristicsChangeDto": {
            /**
             * @description English as an additional language
             * @enum {string}
             */
            eal?: "yes" | "no" | "unknown";
            /**
             * @description the school census’s main ethnic group
             * @enum {string}
             */
            ethnicityGroup?: "white" | "mixed" | "asian" | "black" | "chinese" | "other" | "refused" | "unknown";
            /** @enum {string} */
            gender?: "female" | "male" | "other" | "unknown";
            /**
             * @description eligible for free school meals or pupil premium
             * @enum {string}
             */
            pupilPremium?: "yes" | "no" | "unknown";
            /**
             * @description SEN provision: none, SEN support, an EHC plan
             * @enum {string}
             */
            send?: "none" | "sen_support" | "ehcp" | "unknown";
        };
        "scheduling.CharacteristicsDto": {
            /**
             * @description English as an additional language
             * @enum {string}
             */
            eal: "yes" | "no" | "unknown";
            /**
             * @description the school census’s main ethnic group
             * @enum {string}
             */
            ethnicityGroup: "white" | "mixed" | "asian" | "black" | "chinese" | "other" | "refused" | "unknown";
            /** @enum {string} */
            gender: "female" | "male" | "other" | "unknown";
            /** Format: uuid */
            pupilId: string;
            /**
             * @description eligible for free school meals or pupil premium
             * @enum {string}
             */
            pupilPremium: "yes" | "no" | "unknown";
            /**
             * @description SEN provision: none, SEN support, an EHC plan
             * @enum {string}
             */
            send: "none" | "sen_support" | "ehcp" | "unknown";
            /** @description The pupil record’s version: send it quoted as If-Match to edit */
            version: number;
        };
        "scheduling.ClassDto": {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            schoolId: string;
            /** @description The version read: send it quoted as If-Match to edit */
            version: number;
            yearGroup: number;
        };
        "scheduling.ClassPageDto": {
            items: components["schemas"]["scheduling.ClassDto"][];
            nextCursor: string | null;
        };
        "scheduling.ClassProvisionDto": {
            averageWeeklyMinutes?: number | null;
            /** Format: uuid */
            classId?: string | null;
            /** @description the badge: the class’s pupils averaged below the area’s weekly target two teaching weeks in a row or more, up to the latest weekly check (whatever the period asked for); null when not */
            intensityWarning?: components["schemas"]["scheduling.IntensityWarningDto"] | null;
            name: string;
            /** @description intensity: per cent of pupils (with a weekly average) at or above the target, one decimal; null before any teaching week */
            percentAtOrAboveTarget?: number | null;
            pupils: number;
            /** @description pupils whose weekly average is at or above the area’s target */
            pupilsAtOrAboveTarget: number;
            pupilsBelowTarget: number;
        };
        "scheduling.ColumnMappingDto": {
            /** @description the column’s header as the file writes it */
            column: string;
            /** @description what Tutti reads from the column: misRef, firstName, lastName, yearGroup, className, destinationSchool, pupilPremium, send, eal, gender or ethnicityGroup */
            field: string;
        };
        "scheduling.ComparisonSchoolDto": {
            cohortYear?: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            percentEal?: number | null;
            percentFsm?: number | null;
            percentSend?: number | null;
            /** @enum {string} */
            phase: "primary" | "infant" | "junior" | "secondary" | "all_through" | "special";
            pupils: number;
            urn: string;
            /** @description The version read: send it quoted as If-Match to edit */
            version: number;
        };
        "scheduling.ComparisonSchoolPageDto": {
            items: components["schemas"]["scheduling.ComparisonSchoolDto"][];
            nextCursor: string | null;
        };
        "scheduling.CreateClassDto": {
            name: string;
            /** Format: uuid */
            schoolId: string;
            /** @description 0 Reception, 1–13 Years 1 to 13 */
            yearGroup: number;
        };
        "scheduling.CreateComparisonSchoolDto": {
            /**
             * @description the academic year the aggregates describe
             * @example 2025-26
             */
            cohortYear?: string | null;
            name: string;
            /** @description per cent of the cohort with English as an additional language, one decimal; null: not known */
            percentEal?: number | null;
            /** @description per cent of the cohort eligible for free school meals or pupil premium, one decimal; null: not known */
            percentFsm?: number | null;
            /** @description per cent of the cohort with SEN support or an EHC plan, one decimal; null: not known */
            percentSend?: number | null;
            /** @enum {string} */
            phase: "primary" | "infant" | "junior" | "secondary" | "all_through" | "special";
            /** @description number of pupils in the cohort (an aggregate: no pupil of the school is held) */
            pupils: number;
            /** @description DfE URN, six or seven digits; one comparison school per URN in an area */
            urn: string;
        };
        "scheduling.CreateEnsembleDto": {
            /** @enum {string} */
            kind: "whole_class" | "choir" | "orchestra" | "band" | "staff_ensemble" | "family_ensemble";
            level?: string;
            name: string;
            /**
             * Format: uuid
             * @description omit for an area-wide ensemble
             */
            schoolId?: string;
            /** @enum {string} */
            strand: "curriculum" | "after_school" | "weekend" | "holiday";
        };
        "scheduling.CreateExamEntryDto": {
            /** @example ABRSM */
            board: string;
            /** Format: date */
            enteredOn: string;
            /** Format: date */
            examOn?: string;
            /** @description 0 for Initial / Prep Test, 1–8 */
            grade: number;
            /** @example violin */
            instrument: string;
        };
        "scheduling.CreateHolidayDto": {
            /** Format: date */
            endsOn: string;
            /**
             * @description holiday: the whole area; inset: one school
             * @enum {string}
             */
            kind: "holiday" | "inset";
            name: string;
            /**
             * Format: uuid
             * @description required for an INSET day
             */
            schoolId?: string;
            /** Format: date */
            startsOn: string;
        };
        "scheduling.CreateLessonPlanDto": {
            /** Format: uuid */
            classId: string;
            /**
             * Format: uuid
             * @description the class teacher (school staff)
             */
            classTeacherId: string;
            /** @example Pluck and bow open strings; feel the vibration */
            musicalActivity: string;
            /**
             * Format: uuid
             * @description the session it is taught in
             */
            occurrenceId?: string;
            /** @example Science */
            subject: string;
            /** Format: uuid */
            termId: string;
            /** @example How sound travels */
            topic: string;
            /**
             * Format: uuid
             * @description the tutor (teaching artist)
             */
            tutorId: string;
        };
        "scheduling.CreatePupilDto": {
            /** Format: uuid */
            classId?: string;
            /** @description the secondary school a Year 6 pupil moves on to (name or URN) */
            destinationSchool?: string;
            /**
             * @description English as an additional language
             * @enum {string}
             */
            eal?: "yes" | "no" | "unknown";
            /**
             * @description the school census’s main ethnic group
             * @enum {string}
             */
            ethnicityGroup?: "white" | "mixed" | "asian" | "black" | "chinese" | "other" | "refused" | "unknown";
            firstName: string;
            /** @enum {string} */
            gender?: "female" | "male" | "other" | "unknown";
            lastName: string;
            /** @description UPN or admission number in the school MIS */
            misRef?: string;
            /**
             * @description eligible for free school meals or pupil premium
             * @enum {string}
             */
            pupilPremium?: "yes" | "no" | "unknown";
            /** Format: uuid */
            schoolId: string;
            /**
             * @description SEN provision: none, SEN support, an EHC plan
             * @enum {string}
             */
            send?: "none" | "sen_support" | "ehcp" | "unknown";
            /** @description 0 Reception, 1–13 Years 1 to 13 */
            yearGroup: number;
        };
        "scheduling.CreateRoomDto": {
            capacity: number;
            name: string;
            /** Format: uuid */
            schoolId: string;
        };
        "scheduling.CreateSchoolDto": {
            name: string;
            /** @description a secondary school that is a partner of the programme: its staff see their incoming pupils (secondary schools only) */
            partner?: boolean;
            /** @enum {string} */
            phase: "primary" | "infant" | "junior" | "secondary" | "all_through" | "special";
            /** @description DfE URN, six or seven digits */
            urn?: string;
        };
        "scheduling.CreateSessionDto": {
            durationMinutes: number;
            /** Format: uuid */
            ensembleId: string;
            /**
             * Format: date
             * @description the date of a one-off session, or the first date of a weekly one within its term
             */
            firstOn?: string;
            /**
             * Format: date
             * @description the last date of a weekly session within its term
             */
            lastOn?: string;
            /** @description book it even though it clashes (a deliberate double booking) */
            override?: boolean;
            /** @enum {string} */
            recurrence: "weekly" | "once";
            /** Format: uuid */
            roomId?: string;
            /**
             * @description local time in the area’s time zone
             * @example 15:30
             */
            startTime: string;
            /**
             * Format: uuid
             * @description weekly sessions run on the term’s dates
             */
            termId?: string;
            /** @description defaults to the ensemble’s name */
            title?: string;
            tutorIds?: string[];
            /** @description ISO weekday for weekly sessions, 1 = Monday */
            weekday?: number;
        };
        "scheduling.CreateStaffDto": {
            displayName: string;
            email?: string;
            /** @description partner orchestra employing a teaching artist */
            employer?: string;
            instruments?: string[];
            /** @enum {string} */
            kind: "tutor" | "school_staff" | "driver" | "volunteer";
            schoolIds: string[];
            /**
             * Format: uuid
             * @description the gateway account of this person
             */
            userId?: string;
        };
        "scheduling.CreateTermDto": {
            /** Format: date */
            endsOn: string;
            /** @example Spring 2026 */
            name: string;
            /** Format: date */
            startsOn: string;
        };
        "scheduling.DbsCheckDto": {
            /**
             * Format: date
             * @description Renewal due: 3 years after the later of issue and the last Update Service check
             */
            expiresOn: string;
            /** Format: date */
            issuedOn: string;
            /** @enum {string} */
            level: "basic" | "standard" | "enhanced" | "enhanced_barred_list";
            /** @description Shown to programme admins only */
            number: string;
            /** Format: date */
            updateServiceCheckedOn?: string | null;
        };
        "scheduling.DbsCheckInputDto": {
            /**
             * Format: date
             * @example 2025-01-20
             */
            issuedOn: string;
            /**
             * @description Working with children needs enhanced_barred_list
             * @enum {string}
             */
            level: "basic" | "standard" | "enhanced" | "enhanced_barred_list";
            /**
             * @description The 12-digit DBS certificate number
             * @example 001234567890
             */
            number: string;
            /**
             * Format: date
             * @description The last check of this certificate on the DBS Update Service
             */
            updateServiceCheckedOn?: string;
        };
        "scheduling.EndMembershipDto": {
            /** Format: date */
            leftOn: string;
        };
        "scheduling.EnglandAndWalesDivisionDto": {
            /** @enum {string} */
            division: "england-and-wales";
            events: components["schemas"]["scheduling.GovUkBankHolidayEventDto"][];
        };
        "scheduling.EnsembleDto": {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "whole_class" | "choir" | "orchestra" | "band" | "staff_ensemble" | "family_ensemble";
            level?: string | null;
            name: string;
            /** Format: uuid */
            schoolId?: string | null;
            /** @enum {string} */
            strand: "curriculum" | "after_school" | "weekend" | "holiday";
            /** @description The version read: send it quoted as If-Match to edit */
            version: number;
        };
        "scheduling.EnsemblePageDto": {
            items: components["schemas"]["scheduling.EnsembleDto"][];
            nextCursor: string | null;
        };
        "scheduling.ExamEntryDto": {
            board: string;
            /** Format: date */
            enteredOn: string;
            examOn?: string | null;
            grade: number;
            /** Format: uuid */
            id: string;
            instrument: string;
            marks?: number | null;
            /** Format: uuid */
            pupilId: string;
            /** @enum {string|null} */
            result?: "distinction" | "merit" | "pass" | "fail" | "withdrawn" | null;
            /** @description The version read: send it quoted as If-Match to edit */
            version: number;
        };
        "scheduling.ExamEntryPageDto": {
            items: components["schemas"]["scheduling.ExamEntryDto"][];
            nextCursor: string | null;
        };
        "scheduling.ExamResultDto": {
            /** Format: date */
            examOn?: string;
            marks?: number;
            /** @enum {string} */
            result: "distinction" | "merit" | "pass" | "fail" | "withdrawn";
        };
        "scheduling.FigureCellDto": {
            /** @description null when suppressed (a count of 1 to 4, or one that would give such a count away) */
            count: number | null;
            key: string;
            label: string;
            /** @description per cent of the figure’s total, one decimal; null when suppressed or not meaningful */
            percent: number | null;
        };
        "scheduling.FigureDto": {
            cells: components["schemas"]["scheduling.FigureCellDto"][];
            /** @description how the figure is computed, in words */
            howComputed: string;
            id: string;
            title: string;
            /** @description null when suppressed */
            total: number | null;
        };
        "scheduling.FigureNotIncludedDto": {
            figure: string;
            reason: string;
        };
        "scheduling.FigurePupilsDto": {
            /** @example 2025-26 */
            academicYear: string;
            /** @description the cell asked for; null for the figure’s total */
            cell: string | null;
            cellLabel: string;
            /** @description what the figure publishes there; null when suppressed */
            count: number | null;
            figureId: string;
            figureTitle: string;
            /** @description the distinct pupils counted there, by pseudonym (exam figures count entries: a pupil with two is listed once) */
            pupils: components["schemas"]["scheduling.PseudonymisedPupilDto"][];
            /** @description true when the count is suppressed: then no pupil is listed */
            suppressed: boolean;
        };
        "scheduling.GovUkBankHolidayEventDto": {
            bunting?: boolean;
            /** Format: date */
            date: string;
            notes?: string;
            title: string;
        };
        "scheduling.GovUkBankHolidaysDto": {
            "england-and-wales": components["schemas"]["scheduling.EnglandAndWalesDivisionDto"];
            "northern-ireland"?: components["schemas"]["scheduling.NorthernIrelandDivisionDto"];
            scotland?: components["schemas"]["scheduling.ScotlandDivisionDto"];
        };
        "scheduling.HolidayDto": {
            /** Format: date */
            endsOn: string;
            /** Format: uuid */
            id: string;
            kind: string;
            name: string;
            /** Format: uuid */
            schoolId?: string | null;
            /** Format: date */
            startsOn: string;
        };
        "scheduling.HolidayPageDto": {
            items: components["schemas"]["scheduling.HolidayDto"][];
            nextCursor: string | null;
        };
        "scheduling.ImportPageDto": {
            items: components["schemas"]["scheduling.ImportSummaryDto"][];
            nextCursor: string | null;
        };
        "scheduling.ImportSummaryDto": {
            classesCreated: number;
            /** @description dry run only: which column of the file each field is read from; a field with no column is left as it is (characteristics of a new pupil: unknown) */
            columns?: components["schemas"]["scheduling.ColumnMappingDto"][];
            /** @description pupils created (or that would be) */
            created: number;
            dryRun: boolean;
            /**
             * Format: uuid
             * @description null for a dry run
             */
            id?: string | null;
            /** @description the classes created (or that would be), each with the rows naming it */
            newClasses: components["schemas"]["scheduling.NewClassDto"][];
            problems: components["schemas"]["scheduling.RowProblemDto"][];
            processedRows: number;
            /** @description rows skipped because of these problems */
            skipped: number;
            /** @enum {string} */
            status: "running" | "completed" | "failed" | "checked";
            totalRows: number;
            unchanged: number;
            updated: number;
        };
        "scheduling.IncomingPupilDto": {
            /** @description the ensembles the pupil is a member of now, with their instrument */
            ensembles: components["schemas"]["scheduling.IncomingPupilEnsembleDto"][];
            firstName: string;
            lastName: string;
            /** Format: uuid */
            pupilId: string;
            /**
             * @description the calendar year the pupil left primary school
             * @example 2026
             */
            yearLeft: number;
        };
        "scheduling.IncomingPupilEnsembleDto": {
            /** Format: uuid */
            ensembleId: string;
            instrument?: string | null;
            name: string;
        };
        "scheduling.IncomingPupilPageDto": {
            items: components["schemas"]["scheduling.IncomingPupilDto"][];
            nextCursor: string | null;
        };
        "scheduling.IntensityWarningDto": {
            /** Format: uuid */
            classId: string;
            className: string;
            /**
             * Format: date
             * @description the Monday of the latest low week checked
             */
            lastLowWeek: string;
            /** @description teaching weeks in a row below the target so far (two or more) */
            lowWeeks: number;
            /**
             * Format: date-time
             * @description when the headteachers were told
             */
            notifiedAt: string;
            /**
             * Format: date
             * @description the Monday of the first of the low weeks in a row
             */
            sinceWeek: string;
        };
        "scheduling.LeavePupilDto": {
            /** Format: date */
            leftOn: string;
        };
        "scheduling.LessonPlanDto": {
            /** Format: uuid */
            classId: string;
            /** Format: uuid */
            classTeacherId: string;
            classTeacherName: string;
            /** Format: uuid */
            id: string;
            musicalActivity: string;
            /** Format: uuid */
            occurrenceId?: string | null;
            /** Format: date-time */
            sessionStartsAt?: string | null;
            subject: string;
            /** Format: uuid */
            termId: string;
            topic: string;
            /** Format: uuid */
            tutorId: string;
            tutorName: string;
            /** @description The version read: send it quoted as If-Match to edit */
            version: number;
        };
        "scheduling.LessonPlanPageDto": {
            items: components["schemas"]["scheduling.LessonPlanDto"][];
            nextCursor: string | null;
        };
        "scheduling.LevelMoveDto": {
            ensembleName: string;
            fromLevel?: string | null;
            /** Format: date */
            on: string;
            toLevel: string;
        };
        "scheduling.MarkDto": {
            /**
             * Format: uuid
             * @description made by the client, so that a retried mark is recognised
             */
            markId: string;
            /** Format: uuid */
            pupilId?: string;
            /** Format: uuid */
            staffId?: string;
            /** @enum {string} */
            status: "present" | "late" | "absent" | "excused";
        };
        "scheduling.MemberDto": {
            /** Format: uuid */
            ensembleId: string;
            /** Format: uuid */
            id: string;
            instrument?: string | null;
            joinedOn: string;
            leftOn?: string | null;
            name: string;
            /** Format: uuid */
            pupilId?: string | null;
            section?: string | null;
            /** Format: uuid */
            staffId?: string | null;
        };
        "scheduling.MemberPageDto": {
            items: components["schemas"]["scheduling.MemberDto"][];
            nextCursor: string | null;
        };
        "scheduling.MembershipHistoryDto": {
            /** Format: uuid */
            ensembleId: string;
            ensembleName: string;
            instrument?: string | null;
            /** Format: date */
            joinedOn: string;
            kind: string;
            leftOn?: string | null;
            level?: string | null;
            strand: string;
        };
        "scheduling.MinutesByStrandDto": {
            after_school: number;
            curriculum: number;
            holiday: number;
            weekend: number;
        };
        "scheduling.MoveOccurrenceDto": {
            durationMinutes?: number;
            override?: boolean;
            /** Format: uuid */
            roomId?: string;
            /**
             * Format: date-time
             * @description new start, ISO 8601 with offset
             */
            startsAt: string;
        };
        "scheduling.MovePupilDto": {
            /**
             * Format: uuid
             * @description the new class; null for none
             */
            classId?: string | null;
            /**
             * Format: uuid
             * @description the new school; omit to stay at the same school
             */
            schoolId?: string;
        };
        "scheduling.MySessionsDto": {
            /** Format: date */
            from: string;
            items: components["schemas"]["scheduling.OccurrenceDto"][];
            /** Format: date */
            to: string;
        };
        "scheduling.NewClassDto": {
            className: string;
            /** @description the rows of the file naming it (the header is row 1) */
            rows: number[];
        };
        "scheduling.NorthernIrelandDivisionDto": {
            /** @enum {string} */
            division: "northern-ireland";
            events: components["schemas"]["scheduling.GovUkBankHolidayEventDto"][];
        };
        "scheduling.OccurrenceDto": {
            cancelReason?: string | null;
            /** Format: date-time */
            endsAt: string;
            /** Format: uuid */
            ensembleId: string;
            /** Format: uuid */
            id: string;
            /** Format: date */
            localDate: string;
            /** Format: date-time */
            movedFrom?: string | null;
            registerTaken: boolean;
            /** Format: uuid */
            roomId?: string | null;
            roomName?: string | null;
            /** Format: uuid */
            schoolId?: string | null;
            schoolName?: string | null;
            /** Format: uuid */
            sessionId: string;
            /** Format: date-time */
            startsAt: string;
            /** @enum {string} */
            status: "scheduled" | "cancelled";
            title: string;
            tutorIds: string[];
            /** @description The version read: send it quoted as If-Match to edit */
            version: number;
        };
        "scheduling.OccurrencePageDto": {
            items: components["schemas"]["scheduling.OccurrenceDto"][];
            nextCursor: string | null;
        };
        "scheduling.ParticipationDto": {
            after_school: number;
            /** @description sessions attended (present or late) */
            curriculum: number;
            holiday: number;
            weekend: number;
        };
        "scheduling.PeriodDto": {
            /**
             * Format: date
             * @description minutes and weeks are counted up to this day: today, for a period still under way
             */
            countedTo: string;
            /** Format: date */
            from: string;
            /** @description weeks with at least one school day outside area holidays, up to countedTo */
            teachingWeeks: number;
            /** Format: date */
            to: string;
        };
        /** @description An error, as every Tutti route answers one (RFC 9457). */
        "scheduling.ProblemDetails": {
            /** @description For a 409: what the request clashes with; where the route names rules, `rule` says which */
            conflicts?: ({
                rule?: string;
            } & {
                [key: string]: unknown;
            })[];
            /**
             * @description For a 412: the version the object is at now
             * @example "4"
             */
            currentETag?: string;
            /** @description What went wrong, in words a person can act on */
            detail: string;
            /** @description For a 400: each field that broke a rule */
            errors?: {
                /** @example email */
                field: string;
                message: string;
                /** @example isEmail */
                rule: string;
            }[];
            /** @description The path asked for */
            instance?: string;
            /** @description Quote it when reporting a problem */
            requestId?: string;
            /** @example 409 */
            status: number;
            /** @example Conflict */
            title: string;
            /** @example about:blank */
            type: string;
        } & {
            [key: string]: unknown;
        };
        "scheduling.ProgressionDto": {
            ensembles: components["schemas"]["scheduling.MembershipHistoryDto"][];
            examEntries: components["schemas"]["scheduling.ExamEntryDto"][];
            /** @description joining an ensemble of another level, in date order */
            levelMoves: components["schemas"]["scheduling.LevelMoveDto"][];
            /** Format: uuid */
            pupilId: string;
            sessionsAttended: components["schemas"]["scheduling.ParticipationDto"];
        };
        "scheduling.PseudonymisedPupilDto": {
            /** @description the pupil’s pseudonym, as the evaluation exports make it */
            pseudonym: string;
        };
        "scheduling.PupilDto": {
            /** Format: uuid */
            classId?: string | null;
            /** @description the secondary school a Year 6 pupil moves on to */
            destinationSchool?: string | null;
            /**
             * Format: uuid
             * @description the secondary school of the area the pupil moves on to
             */
            destinationSchoolId?: string | null;
            firstName: string;
            /** Format: uuid */
            id: string;
            lastName: string;
            leftOn?: string | null;
            /** @description programme admin and headteacher only */
            misRef?: string | null;
            /** Format: uuid */
            schoolId: string;
            /** @enum {string} */
            status: "active" | "left" | "leaver" | "alumni";
            /** @description The version read: send it quoted as If-Match to edit */
            version: number;
            yearGroup: number;
        };
        "scheduling.PupilImportDto": {
            /** @description Classes the file names that the school does not have, to be created (a dry run lists every such class under newClasses or, when not listed here, as a problem of each row naming it). An import whose rows name a class that is neither at the school nor listed here is refused (400 naming the rows), so that a typo never becomes a class. */
            createClasses?: string[];
            /** @description the MIS export as CSV text, header row first */
            csv: string;
            /** @description check every row and report, changing nothing */
            dryRun?: boolean;
            /** Format: uuid */
            schoolId: string;
        };
        "scheduling.PupilPageDto": {
            items: components["schemas"]["scheduling.PupilDto"][];
            nextCursor: string | null;
        };
        "scheduling.PupilProvisionDto": {
            belowTarget: boolean;
            /** Format: uuid */
            classId?: string | null;
            minutesByStrand: components["schemas"]["scheduling.MinutesByStrandDto"];
            name: string;
            /** Format: uuid */
            pupilId: string;
            totalMinutes: number;
            weeklyAverageMinutes?: number | null;
        };
        "scheduling.PutSafeguardingRecordDto": {
            dbs?: components["schemas"]["scheduling.DbsCheckInputDto"];
            training?: components["schemas"]["scheduling.TrainingInputDto"];
        };
        "scheduling.RegisterDto": {
            entries: components["schemas"]["scheduling.RegisterEntryDto"][];
            /** Format: uuid */
            occurrenceId: string;
            /** Format: uuid */
            submissionId?: string | null;
            /** Format: date-time */
            submittedAt?: string | null;
        };
        "scheduling.RegisterEntryDto": {
            instrument?: string | null;
            /** Format: uuid */
            markId?: string | null;
            name: string;
            /** Format: uuid */
            pupilId?: string | null;
            section?: string | null;
            /** Format: uuid */
            staffId?: string | null;
            /** @enum {string|null} */
            status?: "present" | "late" | "absent" | "excused" | null;
        };
        "scheduling.RehearsalNoteDto": {
            /** @description what the session concentrated on */
            focus?: string;
            notes?: string;
            /** @description pieces worked on */
            repertoire: string[];
        };
        "scheduling.RehearsalNoteResponseDto": {
            /** Format: uuid */
            authorUserId: string;
            /** @description what the session concentrated on */
            focus?: string;
            notes?: string;
            /** Format: uuid */
            occurrenceId: string;
            /** @description pieces worked on */
            repertoire: string[];
            /** Format: date-time */
            updatedAt: string;
            /** @description The version read: send it quoted as If-Match to edit */
            version: number;
        };
        "scheduling.RollOverDto": {
            /** @example 2026-27 */
            academicYear: string;
            /**
             * Format: date
             * @description the date the last year group leaves
             */
            leaversLeftOn: string;
        };
        "scheduling.RollOverResultDto": {
            academicYear: string;
            /** @description false when this school had already been rolled over to this year */
            applied: boolean;
            leavers: number;
            movedUp: number;
        };
        "scheduling.RoomDto": {
            capacity: number;
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            schoolId: string;
            /** @description The version read: send it quoted as If-Match to edit */
            version: number;
        };
        "scheduling.RoomPageDto": {
            items: components["schemas"]["scheduling.RoomDto"][];
            nextCursor: string | null;
        };
        "scheduling.RowProblemDto": {
            column: string;
            reason: string;
            row: number;
        };
        "scheduling.SafeguardingAlertDto": {
            displayName: string;
            /** @description Ensembles they are a current staff member of */
            ensembleIds: string[];
            /** @enum {string} */
            kind: "tutor" | "school_staff" | "driver" | "volunteer";
            /** Format: date-time */
            nextSessionAt: string | null;
            reasons: ("dbs-missing" | "dbs-level-too-low" | "dbs-expired" | "training-missing" | "training-expired")[];
            /**
             * Format: date
             * @description The day the check or training runs (or ran) out; null if never recorded
             */
            runsOutOn: string | null;
            /** Format: uuid */
            staffId: string;
            /** @enum {string} */
            status: "expiring" | "not_cleared";
            /** @description Scheduled sessions to come that they tutor */
            upcomingSessions: number;
        };
        "scheduling.SafeguardingAlertsDto": {
            /**
             * Format: date
             * @description The day the list was drawn for (area time zone)
             */
            asOf: string;
            items: components["schemas"]["scheduling.SafeguardingAlertDto"][];
        };
        "scheduling.SafeguardingRecordDto": {
            /** @description Programme admins only */
            dbs?: components["schemas"]["scheduling.DbsCheckDto"] | null;
            displayName: string;
            /**
             * Format: date
             * @description The first day they are no longer cleared
             */
            expiresOn: string | null;
            /** @enum {string} */
            kind: "tutor" | "school_staff" | "driver" | "volunteer";
            reasons: ("dbs-missing" | "dbs-level-too-low" | "dbs-expired" | "training-missing" | "training-expired")[];
            /** Format: uuid */
            staffId: string;
            /**
             * @description Whether they may work with children today (expiring: within 30 days)
             * @enum {string}
             */
            status: "cleared" | "expiring" | "not_cleared";
            /** @description Programme admins only */
            training?: components["schemas"]["scheduling.TrainingDto"] | null;
            /** @description The version read (0: nothing recorded yet): send it quoted as If-Match to edit */
            version: number;
        };
        "scheduling.SchoolAttendanceSummaryDto": {
            /** Format: date */
            from: string;
            /** @description The whole period (weekStarting is its first day) */
            overall: components["schemas"]["scheduling.AttendanceWeekDto"];
            /** Format: uuid */
            schoolId: string;
            /** Format: date */
            to: string;
            /** @description Weeks with at least one mark, in order */
            weeks: components["schemas"]["scheduling.AttendanceWeekDto"][];
        };
        "scheduling.SchoolDto": {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description a partner secondary school: its staff see their incoming pupils */
            partner: boolean;
            /** @enum {string} */
            phase: "primary" | "infant" | "junior" | "secondary" | "all_through" | "special";
            urn?: string | null;
            /** @description The version read: send it quoted as If-Match to edit */
            version: number;
        };
        "scheduling.SchoolPageDto": {
            items: components["schemas"]["scheduling.SchoolDto"][];
            nextCursor: string | null;
        };
        "scheduling.SchoolProvisionDto": {
            classes: components["schemas"]["scheduling.ClassProvisionDto"][];
            period: components["schemas"]["scheduling.PeriodDto"];
            pupils: components["schemas"]["scheduling.PupilProvisionDto"][];
            school: components["schemas"]["scheduling.SchoolProvisionSummaryDto"];
            targetWeeklyMinutes: number;
        };
        "scheduling.SchoolProvisionSummaryDto": {
            averageWeeklyMinutes?: number | null;
            /** @description the school’s classes flagged as below the target two teaching weeks in a row or more, as of the latest weekly check */
            intensityWarnings: components["schemas"]["scheduling.IntensityWarningDto"][];
            name: string;
            /** @description intensity: per cent of pupils (with a weekly average) at or above the target, one decimal; null before any teaching week */
            percentAtOrAboveTarget?: number | null;
            pupils: number;
            /** @description pupils whose weekly average is at or above the area’s target */
            pupilsAtOrAboveTarget: number;
            pupilsBelowTarget: number;
            /** Format: uuid */
            schoolId: string;
            sessions: components["schemas"]["scheduling.SessionsDeliveredDto"];
        };
        "scheduling.SchoolWorkedWithDto": {
            /** Format: uuid */
            id: string;
            name: string;
            phase: string;
            urn: string | null;
        };
        "scheduling.ScotlandDivisionDto": {
            /** @enum {string} */
            division: "scotland";
            events: components["schemas"]["scheduling.GovUkBankHolidayEventDto"][];
        };
        "scheduling.SessionDto": {
            durationMinutes: number;
            /** Format: uuid */
            ensembleId: string;
            /** Format: date */
            firstOn: string;
            /** Format: uuid */
            id: string;
            /** Format: date */
            lastOn: string;
            occurrenceCount: number;
            recurrence: string;
            /** Format: uuid */
            roomId?: string | null;
            /** Format: uuid */
            schoolId?: string | null;
            startTime: string;
            /** Format: uuid */
            termId?: string | null;
            timeZone: string;
            title: string;
            tutorIds: string[];
            weekday?: number | null;
        };
        "scheduling.SessionPageDto": {
            items: components["schemas"]["scheduling.SessionDto"][];
            nextCursor: string | null;
        };
        "scheduling.SessionsDeliveredDto": {
            cancelled: number;
            delivered: number;
            planned: number;
        };
        "scheduling.StaffDto": {
            displayName: string;
            email?: string | null;
            employer?: string | null;
            /** Format: uuid */
            id: string;
            instruments: string[];
            /** @enum {string} */
            kind: "tutor" | "school_staff" | "driver" | "volunteer";
            schoolIds: string[];
            userId?: string | null;
            /** @description The version read: send it quoted as If-Match to edit */
            version: number;
        };
        "scheduling.StaffPageDto": {
            items: components["schemas"]["scheduling.StaffDto"][];
            nextCursor: string | null;
        };
        "scheduling.SubmitRegisterDto": {
            marks: components["schemas"]["scheduling.MarkDto"][];
            /**
             * Format: uuid
             * @description made by the client per submission; sending it again changes nothing
             */
            submissionId: string;
        };
        "scheduling.TermDto": {
            /** Format: date */
            endsOn: string;
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: date */
            startsOn: string;
        };
        "scheduling.TermPageDto": {
            items: components["schemas"]["scheduling.TermDto"][];
            nextCursor: string | null;
        };
        "scheduling.TrainingDto": {
            /** Format: date */
            completedOn: string;
            /** Format: date */
            expiresOn: string;
            level: string;
        };
        "scheduling.TrainingInputDto": {
            /**
             * Format: date
             * @example 2025-09-01
             */
            completedOn: string;
            /**
             * Format: date
             * @description The first day the training no longer counts
             * @example 2028-09-01
             */
            expiresOn: string;
            /** @example Level 2 safeguarding children */
            level: string;
        };
        "scheduling.TransitionReportDto": {
            /**
             * @description the academic year in which the Year 6 pupils left
             * @example 2025-26
             */
            academicYear: string;
            figures: components["schemas"]["scheduling.FigureDto"][];
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
        };
        "scheduling.UpdateClassDto": {
            name?: string;
            /** @description 0 Reception, 1–13 Years 1 to 13 */
            yearGroup?: number;
        };
        "scheduling.UpdateComparisonSchoolDto": {
            /**
             * @description the academic year the aggregates describe
             * @example 2025-26
             */
            cohortYear?: string | null;
            name?: string;
            /** @description per cent of the cohort with English as an additional language, one decimal; null: not known */
            percentEal?: number | null;
            /** @description per cent of the cohort eligible for free school meals or pupil premium, one decimal; null: not known */
            percentFsm?: number | null;
            /** @description per cent of the cohort with SEN support or an EHC plan, one decimal; null: not known */
            percentSend?: number | null;
            /** @enum {string} */
            phase?: "primary" | "infant" | "junior" | "secondary" | "all_through" | "special";
            /** @description number of pupils in the cohort (an aggregate: no pupil of the school is held) */
            pupils?: number;
            /** @description DfE URN, six or seven digits; one comparison school per URN in an area */
            urn?: string;
        };
        "scheduling.UpdateEnsembleDto": {
            level?: string;
            name?: string;
            /** @enum {string} */
            strand?: "curriculum" | "after_school" | "weekend" | "holiday";
        };
        "scheduling.UpdateLessonPlanDto": {
            musicalActivity?: string;
            /** Format: uuid */
            occurrenceId?: string;
            subject?: string;
            topic?: string;
        };
        "scheduling.UpdatePupilDto": {
            /** @description the secondary school a Year 6 pupil moves on to (name or URN) */
            destinationSchool?: string;
            /**
             * Format: uuid
             * @description the secondary school of the area the pupil moves on to (a partner school sees its incoming pupils); null clears it
             */
            destinationSchoolId?: string | null;
            firstName?: string;
            lastName?: string;
            /** @description 0 Reception, 1–13 Years 1 to 13 */
            yearGroup?: number;
        };
        "scheduling.UpdateRoomDto": {
            capacity?: number;
            name?: string;
        };
        "scheduling.UpdateSchoolDto": {
            name?: string;
            /** @description a secondary school that is a partner of the programme: its staff see their incoming pupils (secondary schools only) */
            partner?: boolean;
            /** @enum {string} */
            phase?: "primary" | "infant" | "junior" | "secondary" | "all_through" | "special";
            /** @description DfE URN, six or seven digits */
            urn?: string;
        };
        "scheduling.UpdateStaffDto": {
            displayName?: string;
            email?: string;
            employer?: string;
            instruments?: string[];
            schoolIds?: string[];
            /** Format: uuid */
            userId?: string;
        };
        SessionTokensDto: {
            /** @description Send as "Authorization: Bearer <accessToken>"; short-lived. */
            accessToken: string;
            /** Format: date-time */
            accessTokenExpiresAt: string;
            /** @description Opaque; exchange it at POST /auth/refresh for new tokens. Each one works once. */
            refreshToken: string;
            /** Format: date-time */
            refreshTokenExpiresAt: string;
            /** @example Bearer */
            tokenType: string;
        };
        SignInDto: {
            /**
             * @description The programme area’s slug (GET /areas lists them)
             * @example liverpool
             */
            area: string;
            /** @example headteacher@liverpool.tutti.test */
            email: string;
            /** Format: password */
            password: string;
        };
        TenantSettingsDto: {
            /**
             * @description Languages offered to families (BCP 47)
             * @example [
             *       "en",
             *       "pl"
             *     ]
             */
            familyLanguages: string[];
            /**
             * @description Free transport seats one family may book for one performance
             * @example 4
             */
            familyTransportSeatLimit: number;
            /** Format: uuid */
            id: string;
            /** @example In Harmony Liverpool */
            name: string;
            /** @example liverpool */
            slug: string;
            /** @example Europe/London */
            timeZone: string;
            /**
             * @description Weekly music provision each child should get, in minutes
             * @example 270
             */
            weeklyProvisionTargetMinutes: number;
        };
        UpdateAccountDto: {
            /** @example Tom Reilly */
            displayName?: string;
            /**
             * @description null removes it
             * @example +447700900123
             */
            mobile?: string | null;
            /** @example pl */
            preferredLanguage?: string;
            /**
             * @description disabled: signs the person out everywhere within a minute; active: enables again (an account that never set a password goes back to invited)
             * @enum {string}
             */
            status?: "active" | "disabled";
        };
        UpdateRetentionScheduleDto: {
            attendanceYears?: number;
            auditYears?: number;
            familyContactMonthsAfterLeaving?: number;
            loanYearsAfterReturn?: number;
            messageMonths?: number;
            pupilRecordYearsAfterLeaving?: number;
        };
        UpdateTenantSettingsDto: {
            /**
             * @example [
             *       "en",
             *       "pl",
             *       "ar"
             *     ]
             */
            familyLanguages?: string[];
            /** @example 4 */
            familyTransportSeatLimit?: number;
            /** @example In Harmony Liverpool */
            name?: string;
            /** @example Europe/London */
            timeZone?: string;
            /** @example 270 */
            weeklyProvisionTargetMinutes?: number;
        };
    };
    responses: {
        /** @description The request is malformed or a field breaks a rule (`errors` names each field) */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The request clashes with the current state (`conflicts` says with what) */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The body is larger than this API accepts (1 MiB) */
        ContentTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Your role does not allow this */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The request line and headers are larger than this API accepts (16 KB) */
        HeaderFieldsTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description This Idempotency-Key was already used for a different request */
        IdempotencyKeyReused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The request is malformed or a field breaks a rule (`errors` names each field) */
        "instrument-loan.BadRequest": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["instrument-loan.ProblemDetails"];
            };
        };
        /** @description The request clashes with the current state (`conflicts` says with what) */
        "instrument-loan.Conflict": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["instrument-loan.ProblemDetails"];
            };
        };
        /** @description The body is larger than this API accepts (1 MiB) */
        "instrument-loan.ContentTooLarge": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["instrument-loan.ProblemDetails"];
            };
        };
        /** @description Your role does not allow this */
        "instrument-loan.Forbidden": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["instrument-loan.ProblemDetails"];
            };
        };
        /** @description The request line and headers are larger than this API accepts (16 KB) */
        "instrument-loan.HeaderFieldsTooLarge": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["instrument-loan.ProblemDetails"];
            };
        };
        /** @description This Idempotency-Key was already used for a different request */
        "instrument-loan.IdempotencyKeyReused": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["instrument-loan.ProblemDetails"];
            };
        };
        /** @description No such object, or not one you may see */
        "instrument-loan.NotFound": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["instrument-loan.ProblemDetails"];
            };
        };
        /** @description Not signed in, or the sign-in has expired */
        "instrument-loan.Unauthorized": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["instrument-loan.ProblemDetails"];
            };
        };
        /** @description The path is longer than this API accepts */
        "instrument-loan.UriTooLong": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["instrument-loan.ProblemDetails"];
            };
        };
        /** @description No such object, or not one you may see */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The request is malformed or a field breaks a rule (`errors` names each field) */
        "parent-engagement.BadRequest": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
            };
        };
        /** @description The request clashes with the current state (`conflicts` says with what) */
        "parent-engagement.Conflict": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
            };
        };
        /** @description The body is larger than this API accepts (1 MiB) */
        "parent-engagement.ContentTooLarge": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
            };
        };
        /** @description Your role does not allow this */
        "parent-engagement.Forbidden": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
            };
        };
        /** @description The request line and headers are larger than this API accepts (16 KB) */
        "parent-engagement.HeaderFieldsTooLarge": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
            };
        };
        /** @description This Idempotency-Key was already used for a different request */
        "parent-engagement.IdempotencyKeyReused": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
            };
        };
        /** @description No such object, or not one you may see */
        "parent-engagement.NotFound": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
            };
        };
        /** @description Someone else changed the object since the ETag sent in If-Match (`currentETag` names its version now) */
        "parent-engagement.PreconditionFailed": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
            };
        };
        /** @description Not signed in, or the sign-in has expired */
        "parent-engagement.Unauthorized": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
            };
        };
        /** @description The path is longer than this API accepts */
        "parent-engagement.UriTooLong": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
            };
        };
        /** @description The request is malformed or a field breaks a rule (`errors` names each field) */
        "performance-event.BadRequest": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["performance-event.ProblemDetails"];
            };
        };
        /** @description The request clashes with the current state (`conflicts` says with what) */
        "performance-event.Conflict": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["performance-event.ProblemDetails"];
            };
        };
        /** @description The body is larger than this API accepts (1 MiB) */
        "performance-event.ContentTooLarge": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["performance-event.ProblemDetails"];
            };
        };
        /** @description Your role does not allow this */
        "performance-event.Forbidden": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["performance-event.ProblemDetails"];
            };
        };
        /** @description The request line and headers are larger than this API accepts (16 KB) */
        "performance-event.HeaderFieldsTooLarge": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["performance-event.ProblemDetails"];
            };
        };
        /** @description This Idempotency-Key was already used for a different request */
        "performance-event.IdempotencyKeyReused": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["performance-event.ProblemDetails"];
            };
        };
        /** @description No such object, or not one you may see */
        "performance-event.NotFound": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["performance-event.ProblemDetails"];
            };
        };
        /** @description Someone else changed the object since the ETag sent in If-Match (`currentETag` names its version now) */
        "performance-event.PreconditionFailed": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["performance-event.ProblemDetails"];
            };
        };
        /** @description If-Match is required: send the ETag of your last read */
        "performance-event.PreconditionRequired": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["performance-event.ProblemDetails"];
            };
        };
        /** @description Not signed in, or the sign-in has expired */
        "performance-event.Unauthorized": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["performance-event.ProblemDetails"];
            };
        };
        /** @description The path is longer than this API accepts */
        "performance-event.UriTooLong": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["performance-event.ProblemDetails"];
            };
        };
        /** @description If-Match is required: send the ETag of your last read */
        PreconditionRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The request is malformed or a field breaks a rule (`errors` names each field) */
        "scheduling.BadRequest": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
            };
        };
        /** @description The request clashes with the current state (`conflicts` says with what) */
        "scheduling.Conflict": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
            };
        };
        /** @description The body is larger than this API accepts (1 MiB) */
        "scheduling.ContentTooLarge": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
            };
        };
        /** @description Your role does not allow this */
        "scheduling.Forbidden": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
            };
        };
        /** @description The request line and headers are larger than this API accepts (16 KB) */
        "scheduling.HeaderFieldsTooLarge": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
            };
        };
        /** @description This Idempotency-Key was already used for a different request */
        "scheduling.IdempotencyKeyReused": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
            };
        };
        /** @description No such object, or not one you may see */
        "scheduling.NotFound": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
            };
        };
        /** @description Not signed in, or the sign-in has expired */
        "scheduling.Unauthorized": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
            };
        };
        /** @description The path is longer than this API accepts */
        "scheduling.UriTooLong": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
            };
        };
        /** @description Not signed in, or the sign-in has expired */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The path is longer than this API accepts */
        UriTooLong: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "instrument-loan.checkHealth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every check passed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            [key: string]: {
                                [key: string]: unknown;
                            };
                        };
                        mode: string;
                        service: string;
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
            /** @description A check failed (the report says which) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            [key: string]: {
                                [key: string]: unknown;
                            };
                        };
                        mode: string;
                        service: string;
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
        };
    };
    "instrument-loan.getInstrumentLabelSheet": {
        parameters: {
            query: {
                /** @description Comma-separated instrument ids */
                ids: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.listInstruments": {
        parameters: {
            query?: {
                condition?: "excellent" | "good" | "fair" | "poor" | "unusable";
                /** @description nextCursor from the previous page */
                cursor?: string;
                family?: "strings" | "woodwind" | "brass" | "percussion" | "keyboard" | "other";
                /** @description Inspection due on or before this date */
                inspectionDueBy?: string;
                limit?: unknown;
                ownerSchoolId?: string;
                /** @description Asset tag, serial, make or model contains */
                q?: string;
                size?: "1/16" | "1/10" | "1/8" | "1/4" | "1/2" | "3/4" | "7/8" | "4/4";
                status?: "available" | "on_loan" | "in_repair" | "lost" | "retired";
                type?: "violin" | "viola" | "cello" | "double_bass" | "guitar" | "ukulele" | "flute" | "piccolo" | "oboe" | "clarinet" | "bassoon" | "saxophone" | "recorder" | "trumpet" | "cornet" | "french_horn" | "trombone" | "euphonium" | "tuba" | "percussion" | "snare_drum" | "glockenspiel" | "keyboard";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.InstrumentPageDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.createInstrument": {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (1–200 visible ASCII characters): a retry with the same key and body is answered as the first request was, without doing it twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["instrument-loan.CreateInstrumentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.InstrumentDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            409: components["responses"]["instrument-loan.Conflict"];
            413: components["responses"]["instrument-loan.ContentTooLarge"];
            422: components["responses"]["instrument-loan.IdempotencyKeyReused"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.getInstrument": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                instrumentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.InstrumentDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            404: components["responses"]["instrument-loan.NotFound"];
            414: components["responses"]["instrument-loan.UriTooLong"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.updateInstrument": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of the instrument (from GET or from your last edit) */
                "If-Match": string;
            };
            path: {
                instrumentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["instrument-loan.UpdateInstrumentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.InstrumentDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            404: components["responses"]["instrument-loan.NotFound"];
            409: components["responses"]["instrument-loan.Conflict"];
            /** @description Someone else changed the instrument since that read; currentETag names its version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["instrument-loan.ProblemDetails"];
                };
            };
            413: components["responses"]["instrument-loan.ContentTooLarge"];
            414: components["responses"]["instrument-loan.UriTooLong"];
            /** @description If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["instrument-loan.ProblemDetails"];
                };
            };
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.inspectInstrument": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                instrumentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["instrument-loan.RecordInspectionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.InspectionDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            404: components["responses"]["instrument-loan.NotFound"];
            409: components["responses"]["instrument-loan.Conflict"];
            413: components["responses"]["instrument-loan.ContentTooLarge"];
            414: components["responses"]["instrument-loan.UriTooLong"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.getInstrumentLabel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                instrumentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            404: components["responses"]["instrument-loan.NotFound"];
            414: components["responses"]["instrument-loan.UriTooLong"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.openRepair": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                instrumentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["instrument-loan.OpenRepairDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.RepairTicketDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            404: components["responses"]["instrument-loan.NotFound"];
            409: components["responses"]["instrument-loan.Conflict"];
            413: components["responses"]["instrument-loan.ContentTooLarge"];
            414: components["responses"]["instrument-loan.UriTooLong"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.getInstrumentByTag": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assetTag: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.InstrumentDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            404: components["responses"]["instrument-loan.NotFound"];
            414: components["responses"]["instrument-loan.UriTooLong"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.importInstruments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["instrument-loan.ImportInstrumentsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.ImportReportDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            409: components["responses"]["instrument-loan.Conflict"];
            413: components["responses"]["instrument-loan.ContentTooLarge"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.listLoans": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                instrumentId?: string;
                limit?: unknown;
                pupilId?: string;
                schoolId?: string;
                state?: "active" | "returned" | "overdue" | "flagged" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.LoanPageDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.checkOutInstrument": {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (1–200 visible ASCII characters): a retry with the same key and body is answered as the first request was, without doing it twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["instrument-loan.CheckOutDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.LoanDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            409: components["responses"]["instrument-loan.Conflict"];
            413: components["responses"]["instrument-loan.ContentTooLarge"];
            422: components["responses"]["instrument-loan.IdempotencyKeyReused"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.getLoan": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                loanId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.LoanDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            404: components["responses"]["instrument-loan.NotFound"];
            414: components["responses"]["instrument-loan.UriTooLong"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.reportLoanProblem": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                loanId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["instrument-loan.ProblemReportDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.ProblemReportResultDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            404: components["responses"]["instrument-loan.NotFound"];
            409: components["responses"]["instrument-loan.Conflict"];
            413: components["responses"]["instrument-loan.ContentTooLarge"];
            414: components["responses"]["instrument-loan.UriTooLong"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.returnLoan": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                loanId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["instrument-loan.ReturnLoanDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.LoanDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            404: components["responses"]["instrument-loan.NotFound"];
            409: components["responses"]["instrument-loan.Conflict"];
            413: components["responses"]["instrument-loan.ContentTooLarge"];
            414: components["responses"]["instrument-loan.UriTooLong"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.clearLoanFlag": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                loanId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.LoanDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            404: components["responses"]["instrument-loan.NotFound"];
            409: components["responses"]["instrument-loan.Conflict"];
            414: components["responses"]["instrument-loan.UriTooLong"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.swapLoan": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                loanId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["instrument-loan.SwapLoanDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.SwapResultDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            404: components["responses"]["instrument-loan.NotFound"];
            409: components["responses"]["instrument-loan.Conflict"];
            413: components["responses"]["instrument-loan.ContentTooLarge"];
            414: components["responses"]["instrument-loan.UriTooLong"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.listOutgrownLoans": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
                schoolId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.OutgrownPageDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.recordArmLength": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pupilId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["instrument-loan.ArmLengthDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.PupilSizingDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            404: components["responses"]["instrument-loan.NotFound"];
            409: components["responses"]["instrument-loan.Conflict"];
            413: components["responses"]["instrument-loan.ContentTooLarge"];
            414: components["responses"]["instrument-loan.UriTooLong"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.getPupilSizing": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pupilId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.PupilSizingDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            404: components["responses"]["instrument-loan.NotFound"];
            414: components["responses"]["instrument-loan.UriTooLong"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.listRepairs": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                instrumentId?: string;
                limit?: unknown;
                state?: "open" | "closed" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.RepairTicketPageDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.closeRepair": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repairId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["instrument-loan.CloseRepairDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.RepairTicketDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            404: components["responses"]["instrument-loan.NotFound"];
            409: components["responses"]["instrument-loan.Conflict"];
            413: components["responses"]["instrument-loan.ContentTooLarge"];
            414: components["responses"]["instrument-loan.UriTooLong"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.getLoansPerPupilReport": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.LoansPerPupilDto"];
                };
            };
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.getLossesAndRepairsReport": {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.LossesAndRepairsDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.getStockReport": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.StockReportDto"];
                };
            };
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.getValueOnLoanReport": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.ValueOnLoanDto"];
                };
            };
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.getSchoolLoanSummary": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                schoolId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.SchoolLoanSummaryDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            404: components["responses"]["instrument-loan.NotFound"];
            414: components["responses"]["instrument-loan.UriTooLong"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.getLoanSettings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.AreaSettingsDto"];
                };
            };
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "instrument-loan.updateLoanSettings": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of the settings (from GET or from your last edit) */
                "If-Match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["instrument-loan.UpdateAreaSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["instrument-loan.AreaSettingsDto"];
                };
            };
            400: components["responses"]["instrument-loan.BadRequest"];
            401: components["responses"]["instrument-loan.Unauthorized"];
            403: components["responses"]["instrument-loan.Forbidden"];
            409: components["responses"]["instrument-loan.Conflict"];
            /** @description Someone else changed the settings since that read; currentETag names their version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["instrument-loan.ProblemDetails"];
                };
            };
            413: components["responses"]["instrument-loan.ContentTooLarge"];
            /** @description If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["instrument-loan.ProblemDetails"];
                };
            };
            431: components["responses"]["instrument-loan.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.listReminderQueues": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.QueueDashboardDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.getReminderQueuesPage": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.retryReminder": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reminderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.RetriedReminderDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            409: components["responses"]["parent-engagement.Conflict"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.listAnnouncements": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.AnnouncementPageDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.createAnnouncement": {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (1–200 visible ASCII characters): a retry with the same key and body is answered as the first request was, without doing it twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.CreateAnnouncementDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.AnnouncementDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            /** @description No such school, class, ensemble or performance among yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            /** @description The class or ensemble has no family using Tutti yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            422: components["responses"]["parent-engagement.IdempotencyKeyReused"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.getAnnouncement": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                announcementId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.AnnouncementDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.markAnnouncementRead": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                announcementId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.AnnouncementDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            409: components["responses"]["parent-engagement.Conflict"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.previewAnnouncement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.PreviewAnnouncementDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.MessagePreviewDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            409: components["responses"]["parent-engagement.Conflict"];
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.rotateCalendarFeed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.CalendarFeedDto"];
                };
            };
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            409: components["responses"]["parent-engagement.Conflict"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.revokeCalendarFeed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            409: components["responses"]["parent-engagement.Conflict"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.getCalendarFeed": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            404: components["responses"]["parent-engagement.NotFound"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.getEngagementFigures": {
        parameters: {
            query: {
                /** @description First day of the term (local date) */
                from: string;
                schoolId?: string;
                /** @description Last day of the term (local date, included) */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.EngagementFiguresDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.listFamilies": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.FamilyPageDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.getMyFamily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.FamilyDto"];
                };
            };
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.updateContactPreferences": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of your last read of this object ("3"), so that an edit made meanwhile is not overwritten */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.ContactPreferencesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.FamilyDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            409: components["responses"]["parent-engagement.Conflict"];
            412: components["responses"]["parent-engagement.PreconditionFailed"];
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.listFamilySessions": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
                schoolId?: string;
                /** @description coming: not yet over, soonest first; past: over, most recent first */
                when?: "coming" | "past";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.FamilySessionPageDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.createFamilySession": {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (1–200 visible ASCII characters): a retry with the same key and body is answered as the first request was, without doing it twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.CreateFamilySessionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.FamilySessionDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            409: components["responses"]["parent-engagement.Conflict"];
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            422: components["responses"]["parent-engagement.IdempotencyKeyReused"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.getFamilySession": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.FamilySessionDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.listSignUps": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
                schoolId?: string;
            };
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.SignUpPageDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.signUpForFamilySession": {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (1–200 visible ASCII characters): a retry with the same key and body is answered as the first request was, without doing it twice */
                "Idempotency-Key"?: string;
            };
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.CreateSignUpDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.SignUpDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            /**
             * @description The request clashes with the current state (`conflicts` says with what). `conflicts[0].rule` is one of:
             *     - `session-started`: The family session has already started.
             *     - `already-signed-up`: The family is already signed up to this session.
             *     - `session-full`: There are not enough places left in the session.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"] & {
                        conflicts?: ({
                            /** @enum {string} */
                            rule: "session-started" | "already-signed-up" | "session-full";
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            422: components["responses"]["parent-engagement.IdempotencyKeyReused"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.checkHealth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every check passed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            [key: string]: {
                                [key: string]: unknown;
                            };
                        };
                        mode: string;
                        service: string;
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
            /** @description A check failed (the report says which) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            [key: string]: {
                                [key: string]: unknown;
                            };
                        };
                        mode: string;
                        service: string;
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
        };
    };
    "parent-engagement.listMessageOverrides": {
        parameters: {
            query?: {
                /** @description Only this language */
                language?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.MessageOverrideListDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.getFamilyMessage": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A family message key */
                key: string;
                /** @description ISO 639 language code */
                language: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The override’s version, quoted ("0" while there is none): send it as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.FamilyMessageDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            /** @description No such family message */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.putMessageOverride": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of this object ("3"), so that an edit made meanwhile is not overwritten */
                "If-Match": string;
            };
            path: {
                /** @description A family message key */
                key: string;
                /** @description ISO 639 language code */
                language: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.PutMessageOverrideDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The override’s version, quoted ("0" while there is none): send it as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.FamilyMessageDto"];
                };
            };
            /** @description Not ICU MessageFormat, or placeholders unlike English’s (named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            /** @description No such family message */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            409: components["responses"]["parent-engagement.Conflict"];
            /** @description Another admin changed it since your read; currentETag names its version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            /** @description If-Match is missing ("0" when the area has no wording yet) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.deleteMessageOverride": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of this object ("3"), so that an edit made meanwhile is not overwritten */
                "If-Match": string;
            };
            path: {
                /** @description A family message key */
                key: string;
                /** @description ISO 639 language code */
                language: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Dropped */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            /** @description No such family message, or the area has no wording of it in that language */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            409: components["responses"]["parent-engagement.Conflict"];
            /** @description Another admin changed it since your read; currentETag names its version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            414: components["responses"]["parent-engagement.UriTooLong"];
            /** @description If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.listFamilyMessages": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ISO 639 language code */
                language: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.FamilyMessageCatalogueDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.downloadFamilyMessages": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ISO 639 language code */
                language: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.importMessageOverrides": {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (1–200 visible ASCII characters): a retry with the same key and body is answered as the first request was, without doing it twice */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description ISO 639 language code */
                language: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.ImportMessageOverridesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.MessageOverrideImportDto"];
                };
            };
            /** @description Not CSV, no key or wording column, or rows that cannot be used (each named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            409: components["responses"]["parent-engagement.Conflict"];
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            422: components["responses"]["parent-engagement.IdempotencyKeyReused"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.listMissingMessages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.MissingMessagesReportDto"];
                };
            };
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.previewFamilyMessage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.PreviewMessageDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.MessagePreviewDto"];
                };
            };
            /** @description Not a family message, or a draft that is not ICU or whose placeholders differ from English’s */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            409: components["responses"]["parent-engagement.Conflict"];
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.getMessageSettings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The settings’ version, quoted: send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.MessageSettingsDto"];
                };
            };
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.updateMessageSettings": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of this object ("3"), so that an edit made meanwhile is not overwritten */
                "If-Match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.UpdateMessageSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The settings’ version, quoted: send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.MessageSettingsDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            409: components["responses"]["parent-engagement.Conflict"];
            /** @description Another admin changed them since your read; currentETag names their version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            /** @description If-Match is missing ("0" while the area has set nothing) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.getSchoolMessageSettings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                schoolId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The settings’ version, quoted: send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.MessageSettingsDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            /** @description Not a school of yours (a headteacher’s own, or of the programme admin’s area) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.updateSchoolMessageSettings": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of this object ("3"), so that an edit made meanwhile is not overwritten */
                "If-Match": string;
            };
            path: {
                schoolId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.UpdateMessageSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The settings’ version, quoted: send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.MessageSettingsDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            /** @description Not a school of yours (a headteacher’s own, or of the programme admin’s area) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            409: components["responses"]["parent-engagement.Conflict"];
            /** @description Someone changed them since your read; currentETag names their version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            /** @description If-Match is missing ("0" while the school has set nothing) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.listPerformances": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.PerformancePageDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.listMissingPhotoConsents": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.MissingConsentListDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.getMyRsvp": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.RsvpDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.putRsvp": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of your last read of this object ("3"), so that an edit made meanwhile is not overwritten */
                "If-Match"?: string;
            };
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.PutRsvpDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.RsvpDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            /**
             * @description The request clashes with the current state (`conflicts` says with what). `conflicts[0].rule` is one of:
             *     - `performance-cancelled`: The performance is cancelled.
             *     - `performance-over`: The performance is over.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"] & {
                        conflicts?: ({
                            /** @enum {string} */
                            rule: "performance-cancelled" | "performance-over";
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            412: components["responses"]["parent-engagement.PreconditionFailed"];
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.getRsvpSummary": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.RsvpSummaryDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.getPupilConsents": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pupilId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.PupilConsentsDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.recordConsent": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: "photo_film" | "performing_in_public" | "transport" | "trips";
                pupilId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.RecordConsentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.ConsentDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            409: components["responses"]["parent-engagement.Conflict"];
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.listConsentHistory": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                kind?: "photo_film" | "performing_in_public" | "transport" | "trips";
                limit?: unknown;
            };
            header?: never;
            path: {
                pupilId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.ConsentHistoryPageDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.listRsvps": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
                performanceId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.RsvpPageDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.checkInRsvp": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rsvpId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.RsvpCheckInDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.RsvpDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            409: components["responses"]["parent-engagement.Conflict"];
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.recordSignUpAttendance": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                signUpId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.AttendanceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.SignUpDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            /**
             * @description The request clashes with the current state (`conflicts` says with what). `conflicts[0].rule` is one of:
             *     - `sign-up-cancelled`: The sign-up was cancelled.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"] & {
                        conflicts?: ({
                            /** @enum {string} */
                            rule: "sign-up-cancelled";
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.cancelSignUp": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                signUpId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.SignUpDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            409: components["responses"]["parent-engagement.Conflict"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.listTransportBookings": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
                runId?: string;
                status?: "confirmed" | "waitlisted" | "offered" | "cancelled" | "expired" | "declined";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.BookingPageDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.createTransportBooking": {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key returns the first answer */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.CreateBookingDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.BookingDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            /**
             * @description The request clashes with the current state (`conflicts` says with what). `conflicts[0].rule` is one of:
             *     - `transport-consent-refused`: Consent to travel was refused or withdrawn for a child named (`pupilIds`).
             *     - `run-cancelled`: The bus, or its performance, is cancelled.
             *     - `bookings-closed`: Bookings for this bus have closed.
             *     - `pupil-already-booked`: A child named is already booked on this bus (`pupilIds`).
             *     - `family-seat-limit`: A family may book at most the area’s limit of seats on one bus (`limit`).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"] & {
                        conflicts?: ({
                            /** @enum {string} */
                            rule: "transport-consent-refused" | "run-cancelled" | "bookings-closed" | "pupil-already-booked" | "family-seat-limit";
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            422: components["responses"]["parent-engagement.IdempotencyKeyReused"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.getTransportBooking": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bookingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.BookingDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.changeTransportBooking": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bookingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.ChangeBookingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.BookingDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            /**
             * @description The request clashes with the current state (`conflicts` says with what). `conflicts[0].rule` is one of:
             *     - `not-changeable`: Only a confirmed or waiting booking can be changed.
             *     - `run-cancelled`: The bus, or its performance, is cancelled.
             *     - `bookings-closed`: Bookings for this bus have closed.
             *     - `not-enough-seats`: There are not enough free seats on the bus; families on the waiting list come first.
             *     - `family-seat-limit`: A family may book at most the area’s limit of seats on one bus (`limit`).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"] & {
                        conflicts?: ({
                            /** @enum {string} */
                            rule: "not-changeable" | "run-cancelled" | "bookings-closed" | "not-enough-seats" | "family-seat-limit";
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.acceptTransportBooking": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bookingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.BookingDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            /**
             * @description The request clashes with the current state (`conflicts` says with what). `conflicts[0].rule` is one of:
             *     - `not-offered`: The booking has no open seat offer.
             *     - `offer-expired`: The seat offer expired and passed to the next family.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"] & {
                        conflicts?: ({
                            /** @enum {string} */
                            rule: "not-offered" | "offer-expired";
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.cancelTransportBooking": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bookingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.BookingDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            409: components["responses"]["parent-engagement.Conflict"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.checkInTransportBooking": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bookingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.CheckInDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.BookingDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            /**
             * @description The request clashes with the current state (`conflicts` says with what). `conflicts[0].rule` is one of:
             *     - `not-confirmed`: Only a confirmed booking can be checked in.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"] & {
                        conflicts?: ({
                            /** @enum {string} */
                            rule: "not-confirmed";
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.declineTransportBooking": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bookingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.BookingDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            /**
             * @description The request clashes with the current state (`conflicts` says with what). `conflicts[0].rule` is one of:
             *     - `not-offered`: The booking has no open seat offer.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"] & {
                        conflicts?: ({
                            /** @enum {string} */
                            rule: "not-offered";
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.listClearedDrivers": {
        parameters: {
            query?: {
                /** @description When the bus leaves: only drivers cleared that day (and today) are listed; today when left out */
                departsAt?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.ClearedDriverListDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.listTransportRuns": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
                performanceId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.TransportRunPageDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.createTransportRun": {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (1–200 visible ASCII characters): a retry with the same key and body is answered as the first request was, without doing it twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.CreateTransportRunDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.TransportRunDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            /**
             * @description The request clashes with the current state (`conflicts` says with what). `conflicts[0].rule` is one of:
             *     - `performance-cancelled`: The performance is cancelled.
             *     - `safeguarding-not-cleared`: A member of staff named (`staffId`) may not work with children: their DBS check or safeguarding training is missing, expired or below enhanced with barred list (`reasons`).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"] & {
                        conflicts?: ({
                            /** @enum {string} */
                            rule: "performance-cancelled" | "safeguarding-not-cleared";
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            422: components["responses"]["parent-engagement.IdempotencyKeyReused"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.getTransportRun": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The bus’s version, quoted: send it as If-Match to edit it */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.TransportRunDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.updateTransportRun": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of this object ("3"), so that an edit made meanwhile is not overwritten */
                "If-Match": string;
            };
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["parent-engagement.UpdateTransportRunDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The bus’s version, quoted: send it as If-Match to edit it */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["parent-engagement.TransportRunDto"];
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            /**
             * @description The request clashes with the current state (`conflicts` says with what). `conflicts[0].rule` is one of:
             *     - `seats-below-booked`: The bus cannot have fewer seats than families have booked or been offered (`seatsTaken`).
             *     - `safeguarding-not-cleared`: A member of staff named (`staffId`) may not work with children: their DBS check or safeguarding training is missing, expired or below enhanced with barred list (`reasons`).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"] & {
                        conflicts?: ({
                            /** @enum {string} */
                            rule: "seats-below-booked" | "safeguarding-not-cleared";
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            /** @description Someone changed the bus since your read; currentETag names its version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            413: components["responses"]["parent-engagement.ContentTooLarge"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            /** @description If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["parent-engagement.ProblemDetails"];
                };
            };
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "parent-engagement.getTransportRunManifest": {
        parameters: {
            query?: {
                format?: "csv" | "html" | "pdf";
                /** @description One stop only */
                stopId?: string;
            };
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "text/csv": string;
                    "text/html": string;
                };
            };
            400: components["responses"]["parent-engagement.BadRequest"];
            401: components["responses"]["parent-engagement.Unauthorized"];
            403: components["responses"]["parent-engagement.Forbidden"];
            404: components["responses"]["parent-engagement.NotFound"];
            414: components["responses"]["parent-engagement.UriTooLong"];
            431: components["responses"]["parent-engagement.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.exportParticipationCsv": {
        parameters: {
            query: {
                /** @description first day (in London) of performances to include */
                from: string;
                /** @description last day (in London) of performances to include, on or after `from` */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV with a header row; no names, UPNs, dates of birth or free text */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.listSchoolFairness": {
        parameters: {
            query?: {
                /** @description Academic year by the year it starts (2025 = Sept 2025–Aug 2026); default: the current one */
                academicYear?: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
                /** @description `term`: the current term. Terms are calendar thirds: autumn Sept–Dec, spring Jan–Mar, summer Apr–Aug */
                period?: "year" | "term" | "autumn" | "spring" | "summer";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.SchoolFairnessPageDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.listPupilFairness": {
        parameters: {
            query?: {
                /** @description Academic year by the year it starts (2025 = Sept 2025–Aug 2026); default: the current one */
                academicYear?: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
                /** @description Only pupils who have not yet performed in the period */
                notYetPerformed?: boolean;
                /** @description `term`: the current term. Terms are calendar thirds: autumn Sept–Dec, spring Jan–Mar, summer Apr–Aug */
                period?: "year" | "term" | "autumn" | "spring" | "summer";
            };
            header?: never;
            path: {
                schoolId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.PupilFairnessPageDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.checkHealth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every check passed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            [key: string]: {
                                [key: string]: unknown;
                            };
                        };
                        mode: string;
                        service: string;
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
            /** @description A check failed (the report says which) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            [key: string]: {
                                [key: string]: unknown;
                            };
                        };
                        mode: string;
                        service: string;
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
        };
    };
    "performance-event.listPerformances": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                /** @description Starting at or after */
                from?: string;
                limit?: unknown;
                schoolId?: string;
                status?: "draft" | "published" | "completed" | "cancelled";
                /** @description Starting before */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.PerformancePageDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.createPerformance": {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (1–200 visible ASCII characters): a retry with the same key and body is answered as the first request was, without doing it twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["performance-event.CreatePerformanceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.PerformanceDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            409: components["responses"]["performance-event.Conflict"];
            413: components["responses"]["performance-event.ContentTooLarge"];
            422: components["responses"]["performance-event.IdempotencyKeyReused"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.getPerformance": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.PerformanceDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.updatePerformance": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of this object ("3"), so that an edit made meanwhile is not overwritten */
                "If-Match": string;
            };
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["performance-event.UpdatePerformanceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.PerformanceDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            409: components["responses"]["performance-event.Conflict"];
            412: components["responses"]["performance-event.PreconditionFailed"];
            413: components["responses"]["performance-event.ContentTooLarge"];
            414: components["responses"]["performance-event.UriTooLong"];
            428: components["responses"]["performance-event.PreconditionRequired"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.cancelPerformance": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["performance-event.CancelPerformanceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.PerformanceDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            409: components["responses"]["performance-event.Conflict"];
            413: components["responses"]["performance-event.ContentTooLarge"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.completePerformance": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.PerformanceDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            409: components["responses"]["performance-event.Conflict"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.getConsentAudit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.ConsentAuditDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.movePerformance": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of this object ("3"), so that an edit made meanwhile is not overwritten */
                "If-Match": string;
            };
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["performance-event.MovePerformanceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.PerformanceDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            409: components["responses"]["performance-event.Conflict"];
            412: components["responses"]["performance-event.PreconditionFailed"];
            413: components["responses"]["performance-event.ContentTooLarge"];
            414: components["responses"]["performance-event.UriTooLong"];
            428: components["responses"]["performance-event.PreconditionRequired"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.getProgrammeHtml": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.getProgrammePdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.publishPerformance": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.PerformanceDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            409: components["responses"]["performance-event.Conflict"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.getRoster": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
            };
            header?: never;
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.RosterPageDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.buildRoster": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.RosterBuildDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            409: components["responses"]["performance-event.Conflict"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.addPerformer": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["performance-event.AddPerformerDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.PerformerDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            409: components["responses"]["performance-event.Conflict"];
            413: components["responses"]["performance-event.ContentTooLarge"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.removePerformer": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                performanceId: string;
                pupilId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            409: components["responses"]["performance-event.Conflict"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.suggestPerformers": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
            };
            header?: never;
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.SuggestionPageDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.getRunSheetHtml": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.getRunSheetPdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.getRunningOrder": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.RunningOrderDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.replaceRunningOrder": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of this object ("3"), so that an edit made meanwhile is not overwritten */
                "If-Match": string;
            };
            path: {
                performanceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["performance-event.ReplaceRunningOrderDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.RunningOrderDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            409: components["responses"]["performance-event.Conflict"];
            412: components["responses"]["performance-event.PreconditionFailed"];
            413: components["responses"]["performance-event.ContentTooLarge"];
            414: components["responses"]["performance-event.UriTooLong"];
            428: components["responses"]["performance-event.PreconditionRequired"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.listPublicPerformances": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
            };
            header?: never;
            path: {
                areaId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.PublicPerformancePageDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            404: components["responses"]["performance-event.NotFound"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.getPublicCalendar": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                areaId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            404: components["responses"]["performance-event.NotFound"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.listVenues": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.VenuePageDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.createVenue": {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (1–200 visible ASCII characters): a retry with the same key and body is answered as the first request was, without doing it twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["performance-event.CreateVenueDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.VenueDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            409: components["responses"]["performance-event.Conflict"];
            413: components["responses"]["performance-event.ContentTooLarge"];
            422: components["responses"]["performance-event.IdempotencyKeyReused"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.getVenue": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                venueId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.VenueDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            414: components["responses"]["performance-event.UriTooLong"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.removeVenue": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of this object ("3"), so that an edit made meanwhile is not overwritten */
                "If-Match": string;
            };
            path: {
                venueId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            409: components["responses"]["performance-event.Conflict"];
            412: components["responses"]["performance-event.PreconditionFailed"];
            414: components["responses"]["performance-event.UriTooLong"];
            428: components["responses"]["performance-event.PreconditionRequired"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "performance-event.updateVenue": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of this object ("3"), so that an edit made meanwhile is not overwritten */
                "If-Match": string;
            };
            path: {
                venueId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["performance-event.UpdateVenueDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["performance-event.VenueDto"];
                };
            };
            400: components["responses"]["performance-event.BadRequest"];
            401: components["responses"]["performance-event.Unauthorized"];
            403: components["responses"]["performance-event.Forbidden"];
            404: components["responses"]["performance-event.NotFound"];
            409: components["responses"]["performance-event.Conflict"];
            412: components["responses"]["performance-event.PreconditionFailed"];
            413: components["responses"]["performance-event.ContentTooLarge"];
            414: components["responses"]["performance-event.UriTooLong"];
            428: components["responses"]["performance-event.PreconditionRequired"];
            431: components["responses"]["performance-event.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getSchoolAttendanceSummary": {
        parameters: {
            query: {
                /** @description First day (local date) */
                from: string;
                /** @description Last day (local date, included) */
                to: string;
            };
            header?: never;
            path: {
                schoolId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.SchoolAttendanceSummaryDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listClasses": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
                schoolId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.ClassPageDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.createClass": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.CreateClassDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.ClassDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getClass": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                classId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.ClassDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.updateClass": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of the class (from GET or from your last edit) */
                "If-Match": string;
            };
            path: {
                classId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.UpdateClassDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.ClassDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            /** @description Someone else changed the class since that read; currentETag names its version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            /** @description If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listComparisonSchools": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.ComparisonSchoolPageDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.createComparisonSchool": {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (1–200 visible ASCII characters): a retry with the same key and body is answered as the first request was, without doing it twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.CreateComparisonSchoolDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.ComparisonSchoolDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            422: components["responses"]["scheduling.IdempotencyKeyReused"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getComparisonSchool": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                comparisonSchoolId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.ComparisonSchoolDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.deleteComparisonSchool": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                comparisonSchoolId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.updateComparisonSchool": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of the comparison school (from GET or from your last edit) */
                "If-Match": string;
            };
            path: {
                comparisonSchoolId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.UpdateComparisonSchoolDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.ComparisonSchoolDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            /** @description Someone else changed the comparison school since that read; currentETag names its version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            /** @description If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listEnsembles": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
                schoolId?: string;
                strand?: "curriculum" | "after_school" | "weekend" | "holiday";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.EnsemblePageDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.createEnsemble": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.CreateEnsembleDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.EnsembleDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getEnsemble": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ensembleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.EnsembleDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.updateEnsemble": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of the ensemble (from GET or from your last edit) */
                "If-Match": string;
            };
            path: {
                ensembleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.UpdateEnsembleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.EnsembleDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            /** @description Someone else changed the ensemble since that read; currentETag names its version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            /** @description If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listEnsembleMembers": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                /** @description include members who have left */
                includeFormer?: string;
                limit?: unknown;
            };
            header?: never;
            path: {
                ensembleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.MemberPageDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.addEnsembleMember": {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (1–200 visible ASCII characters): a retry with the same key and body is answered as the first request was, without doing it twice */
                "Idempotency-Key"?: string;
            };
            path: {
                ensembleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.AddMemberDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.MemberDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            /**
             * @description The request clashes with the current state (`conflicts` says with what). `conflicts[0].rule` is one of:
             *     - `safeguarding-not-cleared`: A member of staff named (`staffId`) may not work with children: their DBS check or safeguarding training is missing, expired or below enhanced with barred list (`reasons`).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"] & {
                        conflicts?: ({
                            /** @enum {string} */
                            rule: "safeguarding-not-cleared";
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            422: components["responses"]["scheduling.IdempotencyKeyReused"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.endEnsembleMembership": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ensembleId: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.EndMembershipDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.MemberDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.exportProvisionCsv": {
        parameters: {
            query: {
                /** @description the term to export */
                termId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV with a header row; no names, UPNs, dates of birth, flags or free text */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.exportSchoolsCsv": {
        parameters: {
            query: {
                /** @description the academic year whose programme cohorts are counted, 1 September to 31 August */
                academicYear: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV with a header row; aggregates only, no pupil */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listExamEntries": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
                schoolId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.ExamEntryPageDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.recordExamResult": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of the exam entry (from GET or from your last edit) */
                "If-Match": string;
            };
            path: {
                entryId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.ExamResultDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.ExamEntryDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            /** @description Someone else changed the exam entry since that read; currentETag names its version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            /** @description If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.checkHealth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every check passed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            [key: string]: {
                                [key: string]: unknown;
                            };
                        };
                        mode: string;
                        service: string;
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
            /** @description A check failed (the report says which) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            [key: string]: {
                                [key: string]: unknown;
                            };
                        };
                        mode: string;
                        service: string;
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
        };
    };
    "scheduling.listHolidays": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                from?: string;
                limit?: unknown;
                schoolId?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.HolidayPageDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.createHoliday": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.CreateHolidayDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.HolidayDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.importBankHolidays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.GovUkBankHolidaysDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.BankHolidayImportResultDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listImports": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.ImportPageDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getImport": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                importId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.ImportSummaryDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.importPupils": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.PupilImportDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.ImportSummaryDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listLessonPlans": {
        parameters: {
            query: {
                classId: string;
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
                termId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.LessonPlanPageDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.createLessonPlan": {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (1–200 visible ASCII characters): a retry with the same key and body is answered as the first request was, without doing it twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.CreateLessonPlanDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.LessonPlanDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            422: components["responses"]["scheduling.IdempotencyKeyReused"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getLessonPlan": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.LessonPlanDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.updateLessonPlan": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of the lesson plan (from GET or from your last edit) */
                "If-Match": string;
            };
            path: {
                planId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.UpdateLessonPlanDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.LessonPlanDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            /** @description Someone else changed the lesson plan since that read; currentETag names its version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            /** @description If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listMyOccurrences": {
        parameters: {
            query?: {
                /** @description the day (or a day of the week) to show; defaults to today in the area */
                date?: string;
                period?: "today" | "week";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.MySessionsDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listOccurrences": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                ensembleId?: string;
                from?: string;
                limit?: unknown;
                schoolId?: string;
                sessionId?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.OccurrencePageDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getOccurrence": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                occurrenceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.OccurrenceDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.cancelOccurrence": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                occurrenceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.CancelOccurrenceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.OccurrenceDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.moveOccurrence": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                occurrenceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.MoveOccurrenceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.OccurrenceDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getRegister": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                occurrenceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.RegisterDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.submitRegister": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                occurrenceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.SubmitRegisterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.RegisterDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getRehearsalNote": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                occurrenceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.RehearsalNoteResponseDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.putRehearsalNote": {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the note as you read it; leave it out only to write the session’s first note */
                "If-Match"?: string;
            };
            path: {
                occurrenceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.RehearsalNoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.RehearsalNoteResponseDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            /** @description Someone changed the note since that read (currentETag names its version now), or If-Match was sent and the session has no note */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            /** @description The session has a note already (perhaps written since you looked) and If-Match was not sent; currentETag names it */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.assignOccurrenceTutors": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of the session (from GET or from your last edit) */
                "If-Match": string;
            };
            path: {
                occurrenceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.AssignTutorsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.OccurrenceDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            /**
             * @description The request clashes with the current state (`conflicts` says with what). `conflicts[0].rule` is one of:
             *     - `safeguarding-not-cleared`: A member of staff named (`staffId`) may not work with children: their DBS check or safeguarding training is missing, expired or below enhanced with barred list (`reasons`).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"] & {
                        conflicts?: ({
                            /** @enum {string} */
                            rule: "safeguarding-not-cleared";
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            /** @description Someone else changed the session since that read; currentETag names its version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            /** @description If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listSchoolProvision": {
        parameters: {
            query?: {
                /** @description a term; or give weekOf */
                termId?: string;
                /** @description any day of the week to report */
                weekOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.AreaProvisionDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getSchoolProvision": {
        parameters: {
            query?: {
                /** @description a term; or give weekOf */
                termId?: string;
                /** @description any day of the week to report */
                weekOf?: string;
            };
            header?: never;
            path: {
                schoolId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.SchoolProvisionDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listPupils": {
        parameters: {
            query?: {
                classId?: string;
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
                /** @description name search: every word (case and accents aside) is part of the first or last name; trimmed, blank for none */
                q?: string;
                schoolId?: string;
                status?: "active" | "left" | "leaver" | "alumni";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.PupilPageDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.createPupil": {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (1–200 visible ASCII characters): a retry with the same key and body is answered as the first request was, without doing it twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.CreatePupilDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.PupilDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            422: components["responses"]["scheduling.IdempotencyKeyReused"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getPupil": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pupilId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.PupilDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.updatePupil": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of the pupil (from GET or from your last edit) */
                "If-Match": string;
            };
            path: {
                pupilId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.UpdatePupilDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.PupilDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            /** @description Someone else changed the pupil since that read; currentETag names its version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            /** @description If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getCharacteristic": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pupilId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.CharacteristicsDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.updateCharacteristic": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of the pupil (from GET or from your last edit) */
                "If-Match": string;
            };
            path: {
                pupilId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.CharacteristicsChangeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.CharacteristicsDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            /** @description Someone else changed the pupil since that read; currentETag names its version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            /** @description If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.enterExam": {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (1–200 visible ASCII characters): a retry with the same key and body is answered as the first request was, without doing it twice */
                "Idempotency-Key"?: string;
            };
            path: {
                pupilId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.CreateExamEntryDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.ExamEntryDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            422: components["responses"]["scheduling.IdempotencyKeyReused"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.leavePupil": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pupilId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.LeavePupilDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.PupilDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.movePupil": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pupilId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.MovePupilDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.PupilDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getPupilProgression": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pupilId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.ProgressionDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.figuresAnnualReturn": {
        parameters: {
            query: {
                /** @description the academic year, 1 September to 31 August */
                academicYear: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.AnnualReturnDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.csvAnnualReturn": {
        parameters: {
            query: {
                /** @description the academic year, 1 September to 31 August */
                academicYear: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.xlsxAnnualReturn": {
        parameters: {
            query: {
                /** @description the academic year, 1 September to 31 August */
                academicYear: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listAnnualReturnFigurePupils": {
        parameters: {
            query: {
                /** @description the academic year, 1 September to 31 August */
                academicYear: string;
                /** @description the key of one of the figure’s cells (as the return answers it); the figure’s total without it */
                cell?: string;
            };
            header?: never;
            path: {
                figureId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.FigurePupilsDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.transitionAnnualReturn": {
        parameters: {
            query: {
                /** @description the academic year, 1 September to 31 August */
                academicYear: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.TransitionReportDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listTransitionFigurePupils": {
        parameters: {
            query: {
                /** @description the academic year, 1 September to 31 August */
                academicYear: string;
                /** @description the key of one of the figure’s cells (as the return answers it); the figure’s total without it */
                cell?: string;
            };
            header?: never;
            path: {
                figureId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.FigurePupilsDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listRooms": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
                schoolId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.RoomPageDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.createRoom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.CreateRoomDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.RoomDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getRoom": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roomId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.RoomDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.updateRoom": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of the room (from GET or from your last edit) */
                "If-Match": string;
            };
            path: {
                roomId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.UpdateRoomDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.RoomDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            /** @description Someone else changed the room since that read; currentETag names its version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            /** @description If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listSafeguardingAlerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.SafeguardingAlertsDto"];
                };
            };
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getSafeguardingRecord": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                staffId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.SafeguardingRecordDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.putSafeguardingRecord": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of the safeguarding record (from GET or from your last edit) */
                "If-Match": string;
            };
            path: {
                staffId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.PutSafeguardingRecordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.SafeguardingRecordDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            /** @description Someone else changed the safeguarding record since that read; currentETag names its version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            /** @description If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listSchools": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.SchoolPageDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.createSchool": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.CreateSchoolDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.SchoolDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getSchool": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                schoolId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.SchoolDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.updateSchool": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of the school (from GET or from your last edit) */
                "If-Match": string;
            };
            path: {
                schoolId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.UpdateSchoolDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.SchoolDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            /** @description Someone else changed the school since that read; currentETag names its version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            /** @description If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listIncomingPupils": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
            };
            header?: never;
            path: {
                schoolId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.IncomingPupilPageDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.rollOverSchool": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                schoolId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.RollOverDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.RollOverResultDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listSessions": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                ensembleId?: string;
                limit?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.SessionPageDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.createSession": {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (1–200 visible ASCII characters): a retry with the same key and body is answered as the first request was, without doing it twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.CreateSessionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.SessionDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            /**
             * @description The request clashes with the current state (`conflicts` says with what). `conflicts[0].rule` is one of:
             *     - `safeguarding-not-cleared`: A member of staff named (`staffId`) may not work with children: their DBS check or safeguarding training is missing, expired or below enhanced with barred list (`reasons`).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"] & {
                        conflicts?: ({
                            /** @enum {string} */
                            rule: "safeguarding-not-cleared";
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            413: components["responses"]["scheduling.ContentTooLarge"];
            422: components["responses"]["scheduling.IdempotencyKeyReused"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getSession": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.SessionDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listStaff": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                kind?: "tutor" | "school_staff" | "driver" | "volunteer";
                limit?: unknown;
                /** @description name search: every word (case and accents aside) is part of the display name; trimmed, blank for none */
                q?: string;
                schoolId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.StaffPageDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.createStaff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.CreateStaffDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.StaffDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getStaff": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                staffId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.StaffDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.updateStaff": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of your last read of the member of staff (from GET or from your last edit) */
                "If-Match": string;
            };
            path: {
                staffId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.UpdateStaffDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version read, quoted ("3"): send it as If-Match to edit */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.StaffDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            409: components["responses"]["scheduling.Conflict"];
            /** @description Someone else changed the member of staff since that read; currentETag names its version now */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            413: components["responses"]["scheduling.ContentTooLarge"];
            414: components["responses"]["scheduling.UriTooLong"];
            /** @description If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["scheduling.ProblemDetails"];
                };
            };
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getMyStaffRecord": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.StaffDto"];
                };
            };
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.listTerms": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.TermPageDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.createTerm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["scheduling.CreateTermDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.TermDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            409: components["responses"]["scheduling.Conflict"];
            413: components["responses"]["scheduling.ContentTooLarge"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "scheduling.getTerm": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                termId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["scheduling.TermDto"];
                };
            };
            400: components["responses"]["scheduling.BadRequest"];
            401: components["responses"]["scheduling.Unauthorized"];
            403: components["responses"]["scheduling.Forbidden"];
            404: components["responses"]["scheduling.NotFound"];
            414: components["responses"]["scheduling.UriTooLong"];
            431: components["responses"]["scheduling.HeaderFieldsTooLarge"];
        };
    };
    "gateway.listAreas": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AreaPageDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.listAuditLog": {
        parameters: {
            query?: {
                /** @description the account that acted */
                actorId?: string;
                /** @description nextCursor from the previous page */
                cursor?: string;
                /** @description entries at or after this time */
                from?: string;
                limit?: unknown;
                subjectId?: string;
                /** @description account, grant, guardian_link, pupil, family, staff, … */
                subjectType?: string;
                /** @description entries before this time */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryPageDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.acceptInvitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionTokensDto"];
                };
            };
            /** @description The token is invalid, used or expired (field token), or the password is refused (field password) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.requestPasswordReset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestPasswordResetDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["ContentTooLarge"];
            /** @description Too many requests from this network; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.completePasswordReset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompletePasswordResetDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The token is invalid, used or expired (field token), or the password is refused (field password) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.refreshSession": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshTokenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionTokensDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Unknown, expired or already-used refresh token (a reused one ends the whole sign-in) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.signIn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionTokensDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Wrong email or password, or the account is not active */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            /** @description Too many attempts; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.signOut": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshTokenDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["ContentTooLarge"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.checkGatewayHealth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The gateway and every service are healthy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        services: {
                            gateway?: {
                                checks: {
                                    [key: string]: {
                                        [key: string]: unknown;
                                    };
                                };
                                mode: string;
                                service: string;
                                /** @enum {string} */
                                status: "ok" | "error";
                            };
                        } & {
                            [key: string]: {
                                error?: string;
                                /** @enum {string} */
                                status: "ok" | "error";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
            431: components["responses"]["HeaderFieldsTooLarge"];
            /** @description Something is not (the report says what) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        services: {
                            gateway?: {
                                checks: {
                                    [key: string]: {
                                        [key: string]: unknown;
                                    };
                                };
                                mode: string;
                                service: string;
                                /** @enum {string} */
                                status: "ok" | "error";
                            };
                        } & {
                            [key: string]: {
                                error?: string;
                                /** @enum {string} */
                                status: "ok" | "error";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
        };
    };
    "gateway.listAccounts": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                /** @description accounts whose email address starts with this (any case) */
                email?: string;
                limit?: unknown;
                /** @description accounts holding this role */
                role?: "programme_admin" | "headteacher" | "tutor" | "school_staff" | "guardian" | "evaluator";
                status?: "invited" | "active" | "disabled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountPageDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.inviteAccount": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat the request with the same key to get the same answer without a second invitation */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteAccountDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountDetailDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description An account with this email address already exists in the area */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["IdempotencyKeyReused"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.getAccount": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountDetailDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.updateAccount": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag from GET; 428 without it, 412 with currentETag when someone changed the account since */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAccountDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountDetailDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            /** @description Someone else changed the account since the ETag was read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            428: components["responses"]["PreconditionRequired"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.grantRole": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantRequestDto"];
            };
        };
        responses: {
            /** @description The grants created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountGrantDto"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown account, or a school not of this area */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The account already holds some of these grants */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.revokeGrant": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grantId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Your own programme admin grant, or a guardian grant that still has links */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            414: components["responses"]["UriTooLong"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.resendInvitation": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The mail is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The account is not invited (already active, or disabled) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            414: components["responses"]["UriTooLong"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.listDataRequests": {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                kind?: "export" | "erasure" | "retention";
                limit?: unknown;
                /** @description Requests about this pupil or account */
                subjectId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataRequestPageDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.openDataRequest": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat the request with the same key to get the same answer without opening a second request */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenDataRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataRequestDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such account, or (for a guardian) not their child */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An erasure of this person is already under way */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["IdempotencyKeyReused"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.getDataRequest": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataRequestDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.downloadDataExportZip": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Not every service has answered yet (the missing ones are named) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            414: components["responses"]["UriTooLong"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.downloadDataExportPdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Not every service has answered yet (the missing ones are named) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            414: components["responses"]["UriTooLong"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.listGuardianLinks": {
        parameters: {
            query?: {
                accountId?: string;
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: unknown;
                pupilId?: string;
                schoolId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuardianLinkPageDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.createGuardianLink": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGuardianLinkDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuardianLinkDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Unknown account, or a school that is not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Already linked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.removeGuardianLink": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            414: components["responses"]["UriTooLong"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.getMe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            401: components["responses"]["Unauthorized"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.runRetention": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat the request with the same key to get the same answer without opening a second request */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenRetentionRunDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataRequestDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            422: components["responses"]["IdempotencyKeyReused"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.getRetentionSchedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionScheduleDto"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.updateRetentionSchedule": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag from GET; 428 without it, 412 with currentETag when someone changed the schedule since */
                "If-Match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRetentionScheduleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionScheduleDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            /** @description Someone else changed the schedule since the ETag was read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            428: components["responses"]["PreconditionRequired"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.getAreaSettings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantSettingsDto"];
                };
            };
            401: components["responses"]["Unauthorized"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
    "gateway.updateAreaSettings": {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag from GET; 428 without it, 412 with currentETag when someone changed the settings since */
                "If-Match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTenantSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantSettingsDto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            /** @description Someone else changed the settings since the ETag was read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            428: components["responses"]["PreconditionRequired"];
            431: components["responses"]["HeaderFieldsTooLarge"];
        };
    };
}
