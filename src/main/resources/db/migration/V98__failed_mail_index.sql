-- The console's front page counts the mails whose every delivery attempt failed: a small partial index, as failed
-- mails are few among millions sent.
CREATE INDEX mail_message_failed ON mail_message (created_at) WHERE status = 'failed';
