package io.pylon.server.alarm.notify;

import io.pylon.server.persistence.JooqAlarmNotifications.Delivery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Alarm e-mails over SMTP (Spring's {@code spring.mail.*} settings, env {@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT},
 * …); unusable while no SMTP host is configured. The payload of an e-mail delivery is "subject\n\nbody".
 */
@Component
public class EmailChannel implements AlarmChannel {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    public EmailChannel(ObjectProvider<JavaMailSender> mail, @Value("${pylon.alarms.mail-from:pylon-alarms@localhost}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public String channel() {
        return "EMAIL";
    }

    @Override
    public boolean usable() {
        return mail.getIfAvailable() != null;
    }

    @Override
    public void send(Delivery d) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) throw new IllegalStateException("SMTP is not configured (spring.mail.host)");
        int split = d.payload().indexOf("\n\n");
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(d.address());
        message.setSubject(split < 0 ? d.payload() : d.payload().substring(0, split));
        message.setText(split < 0 ? "" : d.payload().substring(split + 2));
        sender.send(message);
    }
}
