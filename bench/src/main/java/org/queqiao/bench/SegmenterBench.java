package org.queqiao.bench;

import org.queqiao.search.TextSegmenter;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Cost of segmenting one message for the search index: {@code TextSegmenter.documentTokens} on one
 * thread, for mixed Chinese/English chat messages of 30, 200 and 2,000 characters. Each size is warmed up
 * first (JIT, smartcn's dictionaries), then timed call by call; prints median and p99 in µs, messages/s
 * of wall time, and messages per second of the thread's CPU time, which other work on a shared machine
 * does not inflate. No server: the segmenter is a library call made on the write path.
 * Usage: SegmenterBench [secondsPerSize=5]
 */
public final class SegmenterBench {
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final String[] CHINESE = {
            "我们明天下午开会讨论鹊桥项目的进度", "请大家在周五之前把预算表发给我", "下周的会议改到三楼的大会议室",
            "服务器昨晚又报警了，运维同学看一下日志", "新版本的登录页面已经上线，有问题随时反馈", "张伟负责前端，李娜负责后端接口",
            "客户希望我们月底前给出报价", "这个需求的优先级比较高，先排进本周的迭代", "今天午饭大家想吃什么", "收到，我马上处理",
            "财务那边说发票需要重新开", "研究生实习的名额还有两个", "北京和上海的办公室网络都不稳定", "周报模板放在共享文件夹里了",
    };
    private static final String[] ENGLISH = {
            "Zoom meeting", "please review the PR", "deadline is Friday", "the CPU usage is above 90%", "v2.3.1 release notes",
            "OK", "merged into main", "nginx error log", "Q3 budget", "customer feedback", "running the migration now",
            "https://docs.example.com/spec", "iPhone 15", "ETA 10:30",
    };

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        long t0 = System.nanoTime();
        TextSegmenter segmenter = new TextSegmenter();
        System.out.printf("TextSegmenter built (smartcn dictionaries loaded) in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        for (int size : new int[] {30, 200, 2_000}) {
            List<String> messages = messages(size, 1_000, new Random(size));
            run(segmenter, messages, Math.max(1, seconds / 2)); // warm-up, not reported
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long bytes0 = THREADS.getCurrentThreadAllocatedBytes();
            long wall0 = System.nanoTime();
            long[] samples = run(segmenter, messages, seconds);
            double wall = (System.nanoTime() - wall0) / 1e9;
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
            long bytes = THREADS.getCurrentThreadAllocatedBytes() - bytes0;
            Stats stats = new Stats(samples);
            int tokens = segmenter.documentTokens(messages.getFirst()).split(" ").length;
            System.out.printf("%,6d chars: n=%,d median=%.1f µs p99=%.1f µs max=%.1f µs  %,.0f messages/s, %,.0f per CPU-second, %,d KB allocated per message  (%,d tokens for the first message)%n",
                    size, samples.length, stats.percentileMs(50) * 1_000, stats.percentileMs(99) * 1_000, stats.percentileMs(100) * 1_000,
                    samples.length / wall, samples.length / cpu, bytes / samples.length / 1024, tokens);
        }
    }

    /** Calls documentTokens over the messages in turn for about {@code seconds}; one sample (ns) per call. */
    private static long[] run(TextSegmenter segmenter, List<String> messages, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long[] samples = new long[1 << 16];
        int n = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            String message = messages.get(n % messages.size());
            long t = System.nanoTime();
            sink += segmenter.documentTokens(message).length();
            long elapsed = System.nanoTime() - t;
            if (n == samples.length) samples = Arrays.copyOf(samples, n * 2);
            samples[n++] = elapsed;
        }
        if (sink == 42) System.out.print(""); // keeps the calls from being optimised away
        return Arrays.copyOf(samples, n);
    }

    /** Messages of exactly {@code chars} characters: Chinese sentences with English phrases between, as people type them. */
    static List<String> messages(int chars, int count, Random rnd) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < chars) {
                sb.append(CHINESE[rnd.nextInt(CHINESE.length)]);
                if (rnd.nextInt(3) == 0) sb.append(rnd.nextBoolean() ? " " : "").append(ENGLISH[rnd.nextInt(ENGLISH.length)]);
                sb.append(rnd.nextInt(4) == 0 ? "。" : "，");
            }
            out.add(sb.substring(0, chars));
        }
        return out;
    }
}
