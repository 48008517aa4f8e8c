package io.gream.stack;

import io.gream.stack.GreamApi.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marketplace page in a real browser (headless Chromium) against the whole local stack, as a person uses it:
 * sign in with a name, watch an auction, bid, sell, and read notifications. Auctions are opened through the REST
 * API where the test is not about selling. Every wait is an explicit condition on the page.
 */
class MarketplaceBrowserIT {

    private static LocalStack stack;
    private static GreamApi api;
    private static String baseUrl;

    @BeforeAll
    static void startStack() throws Exception {
        Browser.requireChromium();
        stack = LocalStack.start(LocalStackIT.testSettings(Path.of("target", "it-data", UUID.randomUUID().toString())));
        api = new GreamApi(stack);
        baseUrl = stack.url("ingress-api");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void twoBiddersSeeEachOthersBidsLiveAndTheOutbidOneIsNotified() {
        String auctionId = openAuction("live", Instant.now().plus(3, ChronoUnit.MINUTES), 0);
        try (Browser bob = Browser.open(baseUrl, 1280, 900); Browser carol = Browser.open(baseUrl, 390, 844)) {
            bob.signIn("bob").go("#/auction/" + auctionId);
            carol.signIn("carol").go("#/auction/" + auctionId);
            bob.awaitText("#min-next-bid", "₩3,000");
            carol.awaitText("#min-next-bid", "₩3,000");

            bob.find("#bid-submit").click(); // the form starts at the min next bid
            bob.awaitText("#bid-result", "Accepted");
            String bobHere = api.aliasOf("bob", auctionId); // the public reads name users by an alias
            assertThat(carol.awaitText("#leader", bobHere)).contains("Highest bid by " + bobHere);
            assertThat(carol.text("#current-price")).contains("₩3,000");
            assertThat(carol.text("#bid-history")).contains(bobHere).doesNotContain("bob");

            carol.awaitText("#min-next-bid", "₩3,100");
            carol.find("#bid-submit").click();
            carol.awaitText("#bid-result", "Accepted");
            String carolHere = api.aliasOf("carol", auctionId);
            assertThat(bob.awaitText("#leader", carolHere)).contains("Highest bid by " + carolHere);
            assertThat(bob.awaitText("#current-price", "₩3,100")).contains("₩3,100");
            assertThat(carol.awaitText("#leader", "by you")).contains("by you");
            assertThat(carol.text("#bid-history")).contains("you").contains(bobHere);

            assertThat(bob.awaitText("#toasts", "You were outbid on " + auctionId)).contains("₩3,100");
            bob.awaitText("#unread", "1");
            bob.screenshot("auction-outbid");
            carol.screenshot("auction-phone");

            bob.go("#/me");
            assertThat(bob.awaitText("#notifications", "You were outbid on " + auctionId)).contains("₩3,100");
            assertThat(bob.awaitText("#my-open-bids", "outbid")).contains("₩3,100");
            bob.screenshot("me");
        }
    }

    @Test
    void aDoubleClickPlacesOneBid() {
        String auctionId = openAuction("double", Instant.now().plus(3, ChronoUnit.MINUTES), 0);
        try (Browser dave = Browser.open(baseUrl, 1280, 900)) {
            dave.signIn("dave").go("#/auction/" + auctionId);
            dave.awaitText("#min-next-bid", "₩3,000");
            double before = bidCommandsReceived();

            new Actions(dave.driver()).doubleClick(dave.find("#bid-submit")).perform();

            dave.awaitText("#bid-result", "Accepted");
            dave.awaitText("#leader", "by you");
            assertThat(api.auction(auctionId).body().path("bidCount").asLong()).isEqualTo(1);
            assertThat(bidCommandsReceived() - before).as("bid commands the ingress received").isEqualTo(1.0);
        }
    }

    @Test
    void aMaximumBidsForYouWhenSomeoneElseBids() {
        String auctionId = openAuction("proxy", Instant.now().plus(3, ChronoUnit.MINUTES), 0);
        try (Browser ivan = Browser.open(baseUrl, 1280, 900)) {
            ivan.signIn("ivan").go("#/auction/" + auctionId);
            ivan.awaitText("#min-next-bid", "₩3,000");
            ivan.find(".max-bid summary").click();
            ivan.find("#bid-max").sendKeys("5000");
            ivan.find("#bid-submit").click();
            ivan.awaitText("#bid-result", "Accepted");
            ivan.awaitText("#your-max", "₩5,000");

            assertThat(api.bid("judy", auctionId, "judy-1", 3_500).status()).isEqualTo(201);

            ivan.awaitText("#current-price", "₩3,600");
            assertThat(ivan.awaitText("#leader", "by you")).contains("Highest bid by you");
            assertThat(ivan.awaitText("#bid-history", "automatic raise")).contains(api.aliasOf("judy", auctionId))
                    .doesNotContain("judy");
        }
    }

    @Test
    void aTooLowBidShowsTheMinNextBid() {
        String auctionId = openAuction("low", Instant.now().plus(3, ChronoUnit.MINUTES), 0);
        assertThat(api.bid("erin", auctionId, "erin-1", 3_500).status()).isEqualTo(201);
        try (Browser frank = Browser.open(baseUrl, 1280, 900)) {
            frank.signIn("frank").go("#/auction/" + auctionId);
            frank.awaitText("#min-next-bid", "₩3,600");
            // the other bid arrives after the page has loaded: frank's form still says 3,600
            assertThat(api.bid("erin2", auctionId, "erin2-1", 3_800).status()).isEqualTo(201);
            frank.awaitText("#leader", api.aliasOf("erin2", auctionId));
            WebElement amount = frank.find("#bid-amount");
            amount.clear();
            amount.sendKeys("3700");
            frank.find("#bid-submit").click();

            assertThat(frank.awaitText("#bid-result", "Too low"))
                    .isEqualTo("Too low: the next bid must be at least ₩3,900.");
            assertThat(frank.find("#bid-amount").getDomProperty("value")).isEqualTo("3900");
        }
    }

    @Test
    void theCountdownReachesZeroAndThePageShowsTheOutcome() {
        try (Browser hank = Browser.open(baseUrl, 1280, 900)) {
            // the browser first: starting it may take a while on a busy machine, the auction runs 15 s
            String auctionId = openAuction("ends", Instant.now().plusSeconds(15), 0);
            assertThat(api.bid("gina", auctionId, "gina-1", 3_000).status()).isEqualTo(201);
            hank.go("#/auction/" + auctionId);
            hank.awaitText("#countdown", "Ends in");

            hank.waitFor(d -> d.findElement(By.id("countdown")).getText().matches("Ends in [0-2]s|Closing…|Closed"));
            String ginaHere = api.aliasOf("gina", auctionId);
            assertThat(hank.awaitText("#outcome", "Sold to " + ginaHere))
                    .contains("Sold to " + ginaHere + " for ₩3,000");
            assertThat(hank.text("#countdown")).isEqualTo("Closed");
            assertThat(hank.text("#min-next-bid")).isEmpty();
            hank.screenshot("auction-closed");
        }
    }

    @Test
    void theSellFormShowsAFieldErrorFromTheApi() {
        try (Browser sally = Browser.open(baseUrl, 1280, 1100)) {
            sally.signIn("sally").go("#/sell");
            type(sally, "item.brand", "Starbucks");
            type(sally, "item.name", "Americano Tall");
            // The page knows amounts must be whole and positive; only the server knows its ceiling.
            type(sally, "item.faceValue", "2000000000");
            type(sally, "startPrice", "3000");
            sally.find("#sell-submit").click();

            assertThat(sally.awaitText("[id='item.faceValue-error']", "must be in 1..")).contains("1000000000");
            assertThat(sally.find("[id='item.faceValue']").getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(sally.text("#sell-status")).contains("did not accept");
            sally.screenshot("sell-field-error");

            type(sally, "item.faceValue", "4500");
            sally.find("#sell-submit").click();
            sally.awaitText("#auction-title", "Starbucks · Americano Tall");
            sally.go("#/");
            sally.awaitText("#auction-list", "Americano Tall");
            sally.screenshot("browse");
        }
    }

    private static void type(Browser browser, String id, String value) {
        WebElement input = browser.find("[id='" + id + "']");
        input.clear();
        input.sendKeys(value);
    }

    /** Sally opens a Starbucks voucher auction: 3,000 won start, steps of 100, reserve 3,000. */
    private static String openAuction(String prefix, Instant endsAt, int softCloseSeconds) {
        String auctionId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Answer opened = api.open("sally", "open-" + auctionId, """
                {"auctionId":"%s","item":{"brand":"Starbucks","name":"Caffe Latte Grande","faceValue":6100,
                 "voucherExpiresOn":"2030-12-31"},"startPrice":3000,"minIncrement":100,"reservePrice":3000,
                 "endsAt":"%s","softCloseSeconds":%d}""".formatted(auctionId, endsAt.truncatedTo(ChronoUnit.SECONDS),
                softCloseSeconds));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return auctionId;
    }

    /** How many bid commands the ingress has taken in, whatever their outcome (its Prometheus counter). */
    private static double bidCommandsReceived() {
        try {
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
            return metrics.body().lines()
                    .filter(line -> line.startsWith("gream_ingress_commands_total{") && line.contains("kind=\"PlaceBid\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (Exception e) {
            throw new IllegalStateException("could not read the ingress metrics", e);
        }
    }
}
