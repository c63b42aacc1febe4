package cn.zs.civil.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.FixedPlatformDay;
import cn.zs.civil.problem.ApiException;

/**
 * The 5-20 problem at a tenth of bench/'s size, on H2 and on MariaDB: 1,000 concurrent bookings of 1,000 applicants
 * for the 100 places of one band of one day; exactly 100 booked, every other told "full", none failing otherwise;
 * the slot's count and the bookings agree. The requests go through the service the HTTP endpoint calls (a thousand
 * accounts are not configured in the tests; bench/'s appointment-burst goes through HTTP). Then 20 identical
 * concurrent requests of one applicant make one booking.
 */
@ExtendWith(FixedPlatformDay.class)
class AppointmentBurstIT extends ApiTestBase {

    static final String SERVICE = "marriage-registration";

    @Autowired
    AppointmentService appointments;

    static PlatformUser applicant(String id) {
        return new PlatformUser(id, id, Set.of("applicant"), Set.of(), Set.of());
    }

    static AppointmentService.BookRequest request(int n, String day) {
        return new AppointmentService.BookRequest(SERVICE, "city", day, "pm",
                new AppointmentService.Party("甲" + n, Ids.of(10 + n / 1000, n % 1000), null),
                new AppointmentService.Party("乙" + n, Ids.of(20 + n / 1000, n % 1000), null));
    }

    @Test
    void aThousandConcurrentRequestsForAHundredPlacesBookExactlyAHundred() throws Exception {
        String day = "2026-06-11";
        // The operator's capacity for this band and day: 100 (a slot's capacity is kept in its row).
        jdbc.update("insert into appt_slot (service_code, office, slot_day, band, capacity, booked)"
                + " values (?, 'city', ?, 'pm', 100, 0)", SERVICE, LocalDate.parse(day));
        int requests = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> futures = new ArrayList<>();
        List<String> booked = Collections.synchronizedList(new ArrayList<>());
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        ConcurrentHashMap<String, Integer> outcomes = new ConcurrentHashMap<>();
        ConcurrentHashMap<Integer, String> holders = new ConcurrentHashMap<>();
        // the platform's clock of FixedPlatformDay holds in the pool's threads (ClockUtil is static)
        for (int i = 0; i < requests; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                long t0 = System.nanoTime();
                try {
                    AppointmentService.Booked b = appointments.book(applicant("burst-" + n), request(n, day),
                            Locale.SIMPLIFIED_CHINESE);
                    booked.add(b.booking().bookingNo());
                    holders.put(n, b.booking().bookingNo());
                    outcomes.merge("booked", 1, Integer::sum);
                } catch (ApiException e) {
                    outcomes.merge(e.messageKey(), 1, Integer::sum);
                    if (!"appointment.full".equals(e.messageKey())) {
                        unexpected.add(e.messageKey());
                    }
                } catch (RuntimeException e) {
                    unexpected.add(e.toString());
                }
                return System.nanoTime() - t0;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        List<Long> latencies = new ArrayList<>();
        for (Future<Long> f : futures) {
            latencies.add(f.get(60, TimeUnit.SECONDS));
        }
        long wall = System.nanoTime() - began;
        pool.shutdown();
        Collections.sort(latencies);
        System.out.printf("Appointment burst: %d requests for 100 places in %d ms: %s; p50 %.1f ms, p95 %.1f ms%n",
                requests, wall / 1_000_000, outcomes, latencies.get(requests / 2) / 1e6,
                latencies.get(requests * 95 / 100) / 1e6);

        assertThat(unexpected).as("failures other than full").isEmpty();
        assertThat(booked).hasSize(100).doesNotHaveDuplicates();
        assertThat(outcomes).containsEntry("appointment.full", 900);
        assertThat(jdbc.queryForObject("select booked from appt_slot where office = 'city' and slot_day = ?"
                + " and band = 'pm' and service_code = ?", Integer.class, LocalDate.parse(day), SERVICE)).isEqualTo(100);
        assertThat(jdbc.queryForObject("select count(*) from appt_booking where office = 'city' and slot_day = ?"
                + " and band = 'pm' and status = 'BOOKED'", Integer.class, LocalDate.parse(day))).isEqualTo(100);

        // The slot is full (and this node knows it): a holder who asks again still gets its booking, not "full"; anyone
        // else is told "full".
        int holder = holders.keySet().iterator().next();
        AppointmentService.Booked again = appointments.book(applicant("burst-" + holder), request(holder, day),
                Locale.SIMPLIFIED_CHINESE);
        assertThat(again.created()).isFalse();
        assertThat(again.booking().bookingNo()).isEqualTo(holders.get(holder));
        int other = java.util.stream.IntStream.range(0, requests).filter(n -> !holders.containsKey(n)).findFirst()
                .getAsInt();
        assertThatThrownBy(() -> appointments.book(applicant("burst-" + other), request(other, day),
                Locale.SIMPLIFIED_CHINESE)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).messageKey()).isEqualTo("appointment.full");
    }

    @Test
    void twentyIdenticalConcurrentRequestsOfOneApplicantMakeOneBooking() throws Exception {
        String day = "2026-06-12";
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AppointmentService.Booked>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return appointments.book(applicant("double-clicker"), request(1, day), Locale.ENGLISH);
            }));
        }
        start.countDown();
        Set<String> numbers = new java.util.HashSet<>();
        int created = 0;
        for (Future<AppointmentService.Booked> f : futures) {
            AppointmentService.Booked b = f.get(30, TimeUnit.SECONDS);
            numbers.add(b.booking().bookingNo());
            created += b.created() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(numbers).hasSize(1);
        assertThat(created).isEqualTo(1);
        assertThat(jdbc.queryForObject("select booked from appt_slot where office = 'city' and slot_day = ?"
                + " and band = 'pm' and service_code = ?", Integer.class, LocalDate.parse(day), SERVICE)).isEqualTo(1);
    }
}
