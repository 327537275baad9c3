package dev.steward.weblog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserAgentsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 | Chrome | 126 | Windows 10 or 11 | desktop",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87 | Edge | 126 | Windows 10 or 11 | desktop",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0 | Opera | 111 | Windows 10 or 11 | desktop",
                "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0 | Firefox | 127 | Linux | desktop",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15 | Safari | 17 | macOS | desktop",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1 | Safari | 17 | iOS 17 | mobile",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1 | Chrome | 126 | iOS 17 | mobile",
                "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1 | Safari | 16 | iPadOS 16 | tablet",
                "Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36 | Samsung Internet | 25 | Android 14 | mobile",
                "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 | Chrome | 126 | Android 13 | tablet",
                "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 | Chrome | 126 | ChromeOS | desktop",
                "Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko | Internet Explorer | 11 | Windows 7 | desktop",
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) | Googlebot | - | unknown | bot",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36 | HeadlessChrome | - | Linux | bot",
                "curl/8.5.0 | curl | - | unknown | bot",
                "Java-http-client/17.0.13 | Java-http-client | - | unknown | bot",
                "SomethingNew/1.0 | other | - | unknown | unknown",
            })
    void readsBrowserVersionSystemAndDevice(
            String header, String browser, String version, String operatingSystem, String device) {
        assertThat(UserAgents.parse(header)).isEqualTo(new UserAgent(browser, version, operatingSystem, device));
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {"-", "' '"})
    void noHeaderIsUnknown(String header) {
        assertThat(UserAgents.parse(header)).isEqualTo(UserAgent.UNKNOWN);
    }
}
