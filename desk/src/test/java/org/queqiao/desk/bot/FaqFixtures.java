package org.queqiao.desk.bot;

import java.util.List;
import java.util.UUID;

/** A small bilingual knowledge base for the tests. */
final class FaqFixtures {
    static final FaqEntry SURRENDER = entry("怎么退保？", List.of("如何取消保单"), "登录App进入“我的保单”，选择保单点“申请退保”。", "保险");
    static final FaqEntry CLAIM = entry("如何申请理赔？", List.of("理赔流程"), "出险后拨打95500报案，按提示上传材料。", "保险");
    static final FaqEntry OPEN_ACCOUNT = entry("怎么开户？", List.of("网上开户流程"), "下载App点“开户”，准备身份证和银行卡。", "证券");
    static final FaqEntry TRACKING = entry("怎么查物流？", List.of("快递到哪了"), "在“我的订单”中点击“查看物流”。", "电商");
    static final FaqEntry RETURN = entry("How do I return an item?", List.of("send something back"),
            "Start a return in Orders within 30 days and print the prepaid label.", "Shopping");
    static final FaqEntry PASSWORD = entry("I forgot my password", List.of("reset password"),
            "Click \"Forgot password\" on the sign-in page.", "Account");
    static final FaqEntry REFUND_TIME = entry("When will I get my refund?", List.of("how long does a refund take"),
            "Refunds are issued within 2 business days after we receive your return.", "Shopping");
    static final FaqEntry TRADING_HOURS = entry("What are the trading hours?", List.of("When is the market open"),
            "Regular hours are 9:30 a.m. to 4:00 p.m. Eastern.", "Brokerage");

    static final List<FaqEntry> ALL = List.of(SURRENDER, CLAIM, OPEN_ACCOUNT, TRACKING, RETURN, PASSWORD, REFUND_TIME, TRADING_HOURS);

    private FaqFixtures() {}

    static FaqEntry entry(String question, List<String> alternatives, String answer, String category) {
        return new FaqEntry(UUID.randomUUID(), question, alternatives, answer, category);
    }

    static KnowledgeBase knowledgeBase() {
        KnowledgeBase kb = new KnowledgeBase();
        kb.replace(ALL);
        return kb;
    }
}
