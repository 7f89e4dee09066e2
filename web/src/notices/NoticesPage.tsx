// The Urgent notices section: send one beside the list of those I sent (/notices), and the
// confirmations of one of them (/notices/<id>).
import { NoticeDetail } from './NoticeDetail';
import { SendNoticeForm } from './SendNoticeForm';
import { SentNotices, useSentNotices } from './SentNotices';

export function NoticesPage({ path }: { path: string }) {
  const id = path.startsWith('/notices/') ? decodeURIComponent(path.slice('/notices/'.length)) : null;
  return id ? <NoticeDetail key={id} id={id} /> : <NoticesHome />;
}

function NoticesHome() {
  const sent = useSentNotices();
  return (
    <div className="columns notices">
      <SendNoticeForm onSent={sent.prepend} />
      <SentNotices sent={sent} />
    </div>
  );
}
