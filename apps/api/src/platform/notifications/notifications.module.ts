import { Global, Module } from '@nestjs/common';
import { ChannelRegistry } from './channel-registry';
import { MessagesController } from './messages/messages.controller';
import { MessagesService } from './messages/messages.service';
import { NotificationSettingsService } from './notification-settings.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/**
 * Notifications (PLT-4) and the message centre (ADM-2), one module because in-app delivery is a
 * message, and opening the message is what marks the notification read.
 */
@Global()
@Module({
  controllers: [NotificationsController, MessagesController],
  providers: [ChannelRegistry, NotificationsService, NotificationSettingsService, MessagesService],
  exports: [NotificationsService, MessagesService],
})
export class NotificationsModule {}
